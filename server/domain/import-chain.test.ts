import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chainOrder, chainRows, type ChainRow } from "./import-chain";

const MEMBERS = new Set(["m0", "m1"]);

/** Random files: each row's upline is a member, another row, or nobody; some rows carry errors of their own. */
const files = fc
  .integer({ min: 1, max: 30 })
  .chain((n) =>
    fc.array(
      fc.record({
        upline: fc.oneof(
          fc.constantFrom("m0", "m1", "ghost"),
          fc.integer({ min: 0, max: n - 1 }).map((i) => `r${i}`),
        ),
        broken: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
      }),
      { minLength: n, maxLength: n },
    ),
  )
  .map((specs) =>
    specs.map((s, i): ChainRow => ({
      line: i + 2,
      email: `r${i}`,
      upline: s.upline === `r${i}` ? "m0" : s.upline,
      errors: s.broken ? ["Name: Required"] : s.upline === "ghost" ? ["Upline email: not a member"] : [],
    })),
  );

/** The reference: walk up with a visited set. */
function reaches(rows: ChainRow[], start: ChainRow, own: Map<ChainRow, number>): boolean {
  const byEmail = new Map(rows.map((r) => [r.email, r]));
  const seen = new Set<ChainRow>();
  let cur: ChainRow | undefined = start;
  while (cur && !seen.has(cur)) {
    if (own.get(cur)! > 0) return false;
    if (MEMBERS.has(cur.upline)) return true;
    seen.add(cur);
    cur = byEmail.get(cur.upline);
  }
  return false;
}

describe("chainRows", () => {
  it("accepts exactly the rows whose chain of uplines reaches a member through rows without errors", () => {
    fc.assert(
      fc.property(files, (rows) => {
        const own = new Map(rows.map((r) => [r, r.errors.length]));
        const expected = rows.map((r) => reaches(rows, r, own));
        chainRows(rows, MEMBERS);
        expect(rows.map((r) => r.errors.length === 0)).toEqual(expected);
        for (const r of rows) {
          if (r.errors.length > 0) expect(r.waitsFor).toBeUndefined();
          else expect(r.waitsFor).toBe(MEMBERS.has(r.upline) ? undefined : r.upline);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("names the circle, and points a row under a refused row to that row's line", () => {
    const rows: ChainRow[] = [
      { line: 2, email: "a", upline: "b", errors: [] },
      { line: 3, email: "b", upline: "a", errors: [] },
      { line: 4, email: "c", upline: "a", errors: [] },
    ];
    chainRows(rows, MEMBERS);
    expect(rows[0]!.errors).toEqual([
      "Upline email: a → b → a name each other as uplines; one of them needs an upline already in your part of the team",
    ]);
    expect(rows[1]!.errors[0]).toMatch(/name each other as uplines/);
    expect(rows[2]!.errors).toEqual(["Upline email: a's row (line 2) has errors"]);
  });
});

describe("chainOrder", () => {
  it("lists uplines first; a row under a skipped row waits for what that row waited for, or lands where it would have", () => {
    fc.assert(
      fc.property(files, fc.func(fc.boolean()), (rows, skipped) => {
        chainRows(rows, MEMBERS);
        const skip = new Set(rows.filter((r) => r.errors.length === 0 && skipped(r.email)).map((r) => r.email));
        const order = chainOrder(rows, skip);
        const position = new Map(order.map((o, i) => [o.row, i]));
        // Every valid row not skipped, once.
        expect(order.map((o) => o.row.email).sort()).toEqual(
          rows
            .filter((r) => r.errors.length === 0 && !skip.has(r.email))
            .map((r) => r.email)
            .sort(),
        );
        const byEmail = new Map(rows.map((r) => [r.email, r]));
        for (const { row, upline } of order) {
          // The reference: walk up past skipped rows.
          let up = byEmail.get(row.upline);
          let member = MEMBERS.has(row.upline) ? row.upline : undefined;
          while (up && skip.has(up.email)) {
            member = MEMBERS.has(up.upline) ? up.upline : undefined;
            up = byEmail.get(up.upline);
          }
          if (member !== undefined) expect(upline).toEqual({ member });
          else {
            expect(upline).toEqual({ row: up });
            expect(position.get(up!)).toBeLessThan(position.get(row)!);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
