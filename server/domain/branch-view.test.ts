/**
 * The first view's cuts against a recount: for random trees listed parents first (as the roll-up lists them) with
 * random paces, the children, the subtree sizes, the furthest behind, the branch's rows and the search equal what a
 * plain walk over the parent links finds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { branchRows, branchView, inBranch, indexBranches, searchBranch, shortfall } from "./branch-view";
import type { PaceStatus } from "./pace";
import type { DashboardRow } from "./rollup";

const STATUSES: PaceStatus[] = ["ahead", "on_track", "at_risk", "behind"];
const NAMES = ["Ana", "ana", "Ben", "Bea", "Cal", "Dana", "Éva", "Zoë"];

/** A row with what the cuts read; the rest of a dashboard row is filler they must carry through untouched. */
function row(
  i: number,
  parentId: string | null,
  v: { name: number; status: number; expected: number; actual: number; left: boolean },
): DashboardRow {
  const counts = { ahead: 0, on_track: 0, at_risk: 0, behind: 0, onPace: 0, offPace: 0, total: 0 };
  return {
    id: `m${i}`,
    parentId,
    depth: 0,
    name: `${NAMES[v.name % NAMES.length]} ${i}`,
    role: v.left ? "LEFT" : "MEMBER",
    children: 0,
    ownActual: v.actual,
    ownTarget: v.expected,
    ownExpected: v.expected,
    ownStatus: STATUSES[v.status % 4]!,
    teamActual: i,
    teamTarget: i,
    teamExpected: i,
    teamStatus: "on_track",
    below: counts,
    goal: {
      share: 0,
      teamShare: 0,
      teamActual: 0,
      teamExpected: 0,
      status: "on_track",
      forecast: null,
      catchUpPerWeek: 0,
      catchUpPerDay: 0,
      note: "on_course",
    },
  };
}

const rowsArb = fc
  .array(
    fc.record({
      parent: fc.nat(),
      name: fc.nat(),
      status: fc.nat(),
      expected: fc.integer({ min: 0, max: 50 }),
      actual: fc.integer({ min: -5, max: 50 }),
      left: fc.boolean(),
    }),
    { minLength: 1, maxLength: 60 },
  )
  .map((specs) => {
    const rows: DashboardRow[] = [];
    specs.forEach((v, i) => {
      const parent = i === 0 ? null : rows[v.parent % i]!;
      rows.push({ ...row(i, parent?.id ?? null, v), depth: parent ? parent.depth + 1 : 0 });
    });
    return rows;
  });

function recount(rows: readonly DashboardRow[], rootId: string) {
  const below = new Set<string>([rootId]);
  for (const r of rows) if (r.parentId !== null && below.has(r.parentId)) below.add(r.id);
  return rows.filter((r) => below.has(r.id));
}

describe("branch view", () => {
  it("equals a recount for every node of random trees", () => {
    fc.assert(
      fc.property(rowsArb, fc.nat(), fc.integer({ min: 0, max: 6 }), (rows, pick, limit) => {
        const index = indexBranches(rows);
        const root = rows[pick % rows.length]!;
        const subtree = recount(rows, root.id);
        const view = branchView(rows, index, root.id, { offPaceLimit: limit })!;
        expect(view.size).toBe(subtree.length);
        expect(view.root.id).toBe(root.id);
        expect(view.root.descendants).toBe(subtree.length - 1);
        expect(view.children.map((c) => c.id)).toEqual(rows.filter((r) => r.parentId === root.id).map((r) => r.id));
        for (const c of view.children) expect(c.descendants).toBe(recount(rows, c.id).length - 1);
        const off = subtree
          .slice(1)
          .filter((r) => r.role !== "LEFT" && (r.ownStatus === "at_risk" || r.ownStatus === "behind"))
          .sort(
            (a, b) =>
              shortfall(b) - shortfall(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1),
          );
        expect(view.offPaceCount).toBe(off.length);
        expect(view.offPace.map((r) => r.id)).toEqual(off.slice(0, limit).map((r) => r.id));
        // Depths count from the branch's root, as the branch's own roll-up would give them.
        expect(view.root.depth).toBe(0);
        for (const c of view.children) expect(c.depth).toBe(1);
        expect(branchRows(rows, index, root.id)).toEqual(subtree.map((r) => ({ ...r, depth: r.depth - root.depth })));
        const members = new Set(subtree.map((r) => r.id));
        for (const r of rows) expect(inBranch(index, root.id, r.id)).toBe(members.has(r.id));
        expect(inBranch(index, root.id, "nobody")).toBe(false);
      }),
    );
  });

  it("search finds the branch's names (case-insensitive), never the root or beyond, with each one's path", () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.nat(),
        fc.constantFrom("an", "ANA", "b", "é", "zoë", "1", "nobody"),
        (rows, pick, query) => {
          const index = indexBranches(rows);
          const root = rows[pick % rows.length]!;
          const subtree = recount(rows, root.id).slice(1);
          const expected = subtree.filter((r) => r.name.toLocaleLowerCase().includes(query.toLocaleLowerCase()));
          const found = searchBranch(rows, index, root.id, ` ${query} `, 5)!;
          expect(found.total).toBe(expected.length);
          expect(new Set(found.matches.map((m) => m.row.id))).toEqual(
            new Set(found.matches.map((m) => m.row.id).filter((id) => expected.some((r) => r.id === id))),
          );
          expect(found.matches).toHaveLength(Math.min(5, expected.length));
          const byId = new Map(rows.map((r) => [r.id, r]));
          for (const m of found.matches) {
            const path: string[] = [];
            for (let p = m.row.parentId; p !== null; p = byId.get(p)!.parentId) {
              path.unshift(byId.get(p)!.name);
              if (p === root.id) break;
            }
            expect(m.path).toEqual(path);
            expect(m.row.depth).toBe(byId.get(m.row.id)!.depth - root.depth);
          }
        },
      ),
    );
  });

  it("a member not in the rows has no view", () => {
    const rows = [row(0, null, { name: 0, status: 0, expected: 0, actual: 0, left: false })];
    const index = indexBranches(rows);
    expect(branchView(rows, index, "nobody", { offPaceLimit: 3 })).toBeNull();
    expect(searchBranch(rows, index, "nobody", "a", 3)).toBeNull();
    expect(searchBranch(rows, index, "m0", "   ", 3)).toEqual({ matches: [], total: 0 });
  });
});
