/**
 * Planning-engine benchmark: cascade (each rule, with overrides) and roll-up on deep, uneven trees of 10,000 and
 * 100,000 members. Prints median / p95 times and heap in use; asserts nothing about time.
 *
 *   npm run bench:engine            (RUNS=30 npm run bench:engine for more samples)
 *
 * Tree shape (scripts/lib/scale-tree.ts, shared with `npm run seed:scale`): a root with 50 direct members, 20 long thin
 * legs 30 levels deep, ~1 in 2,000 members leading 50 direct members each, the rest attached at random with a bias
 * toward recent members (so depth keeps growing).
 */
import { performance } from "node:perf_hooks";
import { cascadeTargets, type CascadeNode, type CascadeOverride, type SplitRule } from "../../server/domain/cascade";
import { rollUp, type RollupNode } from "../../server/domain/rollup";
import { indexTree } from "../../server/domain/tree";
import { buildGenealogy, rng } from "../lib/scale-tree";

function buildTree(size: number, seed: number): CascadeNode[] {
  const random = rng(seed);
  const parentOf = buildGenealogy(size, random);
  return parentOf.map((p, i) => ({
    id: `m${i}`,
    parentId: p < 0 ? null : `m${p}`,
    weight: 5 + Math.floor(random() * 36), // hours a week
    historyActual: random() < 0.1 ? 0 : Math.floor(Math.exp(random() * 6) * 10_000), // pence; 10 % newcomers
    active: random() > 0.05,
  }));
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

function time(runs: number, fn: () => unknown) {
  for (let i = 0; i < 3; i++) fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (x: number) => `${x.toFixed(1)} ms`.padStart(9);

const RUNS = Number(process.env.RUNS ?? 15);
const TARGET = 500_000_000; // £5,000,000 in pence

console.log(`Planning engine benchmark — ${RUNS} timed runs after 3 warm-ups, node ${process.version}\n`);
for (const size of [10_000, 100_000]) {
  const nodes = buildTree(size, size);
  const shape = indexTree(nodes);
  let maxDepth = 0;
  for (const d of shape.depth) maxDepth = Math.max(maxDepth, d);
  let maxChildren = 0;
  for (let i = 0; i < size; i++) maxChildren = Math.max(maxChildren, shape.childStart[i + 1]! - shape.childStart[i]!);

  // Overrides that fit: 0.5 % personal (−10 %), 0.05 % team (+5 %) on members with a downline.
  const plain = cascadeTargets({ nodes, target: TARGET, rule: "history" }).targets;
  const random = rng(7);
  const overrides: CascadeOverride[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < size * 0.005; i++) {
    const t = plain[Math.floor(random() * size)]!;
    if (taken.has(t.id)) continue;
    taken.add(t.id);
    overrides.push({ id: t.id, kind: "personal", value: Math.floor(t.personal * 0.9) });
  }
  for (let i = 0, added = 0; added < Math.max(5, size * 0.0005) && i < size; i++) {
    const t = plain[Math.floor(random() * size)]!;
    if (t.team === t.personal || taken.has(`${t.id}:team`)) continue;
    taken.add(`${t.id}:team`);
    overrides.push({ id: t.id, kind: "team", value: Math.floor(t.team * 1.05) });
    added++;
  }

  console.log(
    `${size.toLocaleString("en-GB")} members — depth ${maxDepth}, widest upline ${maxChildren} direct members, ${overrides.length} overrides`,
  );
  for (const rule of ["even", "weight", "history"] as SplitRule[]) {
    let conflicts = 0;
    const t = time(RUNS, () => {
      conflicts = cascadeTargets({ nodes, target: TARGET, rule, overrides }).conflicts.length;
    });
    console.log(
      `  cascade ${rule.padEnd(8)} median ${ms(t.median)}  p95 ${ms(t.p95)}  conflicts ${conflicts}  heap ${mb(process.memoryUsage().heapUsed)}`,
    );
  }

  const cascade = cascadeTargets({ nodes, target: TARGET, rule: "history", overrides }).targets;
  const rollupNodes: RollupNode[] = cascade.map((c, i) => ({
    id: c.id,
    parentId: c.parentId,
    ownTarget: c.personal,
    ownExpected: Math.floor(c.personal / 2),
    ownActual: Math.floor((c.personal / 2) * (0.6 + ((i * 7919) % 1000) / 1000) * 0.8),
  }));
  const r = time(RUNS, () => rollUp(rollupNodes));
  console.log(
    `  roll-up          median ${ms(r.median)}  p95 ${ms(r.p95)}               heap ${mb(process.memoryUsage().heapUsed)}`,
  );
  const ix = time(RUNS, () => indexTree(nodes));
  console.log(`  (tree index)     median ${ms(ix.median)}  p95 ${ms(ix.p95)}\n`);
}
