/**
 * A deep, uneven genealogy like a real network-marketing team, deterministic for a seed: a root with 50 direct
 * members, 20 long thin legs 30 levels deep, ~1 in 2,000 members leading 50 direct members each, the rest
 * attached at random with a bias toward recent members (so depth keeps growing). Used by the engine benchmark and
 * `npm run seed:scale`.
 */

/** Small deterministic PRNG (mulberry32) so every run builds the same trees. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** parentOf[i] is the index of member i's upline (-1 for the root, index 0). Parents always come first. */
export function buildGenealogy(size: number, random: () => number): number[] {
  const parentOf: number[] = [-1];
  const add = (parent: number) => parentOf.push(parent) - 1;
  for (let i = 0; i < 50 && parentOf.length < size; i++) add(0);
  for (let leg = 0; leg < 20 && parentOf.length < size; leg++) {
    let at = Math.floor(random() * parentOf.length);
    for (let level = 0; level < 30 && parentOf.length < size; level++) at = add(at);
  }
  const bigUplines = Math.max(1, Math.floor(size / 2000));
  for (let b = 0; b < bigUplines && parentOf.length < size; b++) {
    const upline = Math.floor(random() * parentOf.length);
    for (let i = 0; i < 50 && parentOf.length < size; i++) add(upline);
  }
  while (parentOf.length < size) {
    const n = parentOf.length;
    add(Math.floor(n * Math.sqrt(random())));
  }
  return parentOf;
}

/** Depth of every member (root 0) and the maximum depth. */
export function depths(parentOf: readonly number[]): { depth: Int32Array; max: number } {
  const depth = new Int32Array(parentOf.length);
  let max = 0;
  for (let i = 1; i < parentOf.length; i++) {
    depth[i] = depth[parentOf[i]!]! + 1;
    if (depth[i]! > max) max = depth[i]!;
  }
  return { depth, max };
}
