/**
 * fast-check generators shared by the domain's property tests (test-only; never imported by app code).
 * Trees are valid by construction (node i's parent is an earlier node) and then shuffled, so input order is random.
 */
import fc from "fast-check";
import { fromDayNumber, toDayNumber, type IsoDate } from "./calendar";

export interface GenNode {
  id: string;
  parentId: string | null;
}

/** A random tree of 1…maxSize nodes in random input order. */
export function treeArb(maxSize = 40): fc.Arbitrary<GenNode[]> {
  return fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: maxSize }).map((pairs) => {
    const nodes = pairs.map(([p], i) => ({ id: `m${i}`, parentId: i === 0 ? null : `m${p % i}` }));
    const keys = pairs.map(([, k]) => k);
    return nodes
      .map((node, i) => ({ node, key: keys[i]! }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.node);
  });
}

/** A non-empty set of working weekdays, sorted. */
export const workingDaysArb: fc.Arbitrary<number[]> = fc
  .subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 })
  .map((days) => [...days].sort((a, b) => a - b));

/** A date between 2020 and 2035. */
export const dateArb: fc.Arbitrary<IsoDate> = fc
  .integer({ min: toDayNumber("2020-01-01"), max: toDayNumber("2035-12-31") })
  .map(fromDayNumber);

/** Children of each id (for checking tree identities in tests). */
export function childrenOf<T extends GenNode>(nodes: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const node of nodes) {
    if (node.parentId === null) continue;
    const list = map.get(node.parentId) ?? [];
    list.push(node);
    map.set(node.parentId, list);
  }
  return map;
}

/** Every id in the subtree of `id` (itself included), iteratively. */
export function subtreeIds(nodes: readonly GenNode[], id: string): string[] {
  const kids = childrenOf(nodes);
  const out: string[] = [];
  const stack = [id];
  while (stack.length > 0) {
    const v = stack.pop()!;
    out.push(v);
    for (const c of kids.get(v) ?? []) stack.push(c.id);
  }
  return out;
}
