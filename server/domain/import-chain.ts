/**
 * Importing a tree from one file: each row names its upline by email, either someone already in the importer's part
 * of the team or another row of the same file (Ana under Maria, a member; Sam under Ana, a row). `chainRows` checks
 * that every chain of rows ends at a member: a row whose upline's row has errors, or rows that name each other in a
 * circle, get an error (written on the row), and the rows that chain to another row are marked `waitsFor`.
 * `chainOrder` lists the rows uplines first, each with the row it waits for, so invitations can be written in one
 * pass. Linear in the number of rows, whatever the depth (no recursion).
 */

export interface ChainRow {
  line: number;
  email: string;
  upline: string;
  errors: string[];
  /** Set by `chainRows`: the upline is this row of the file (their email), not a member yet. */
  waitsFor?: string;
}

/** `members`: the emails of the importer's part of the team (their own included). */
export function chainRows(
  rows: readonly ChainRow[],
  members: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): void {
  const byEmail = rowsByEmail(rows);
  const state = new Map<ChainRow, "ok" | "bad">();
  for (const start of rows) {
    const path: ChainRow[] = [];
    const onPath = new Set<ChainRow>();
    let cur: ChainRow | undefined = start;
    let outcome: "ok" | "bad" = "bad";
    for (;;) {
      const known = cur ? state.get(cur) : "bad";
      if (!cur || known) {
        outcome = known ?? "bad";
        break;
      }
      if (cur.errors.length > 0) {
        state.set(cur, "bad");
        break;
      }
      if (members.has(cur.upline)) {
        state.set(cur, "ok");
        outcome = "ok";
        break;
      }
      if (onPath.has(cur)) {
        const circle = path.slice(path.indexOf(cur));
        const names = [...circle.map((r) => r.email), cur.email].join(" → ");
        for (const r of circle) {
          r.errors.push(
            `Upline email: ${names} name each other as uplines; one of them needs an upline already in your part of the team`,
          );
          state.set(r, "bad");
        }
        path.length = path.indexOf(cur);
        break;
      }
      path.push(cur);
      onPath.add(cur);
      cur = byEmail.get(cur.upline);
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const r = path[i]!;
      if (outcome === "bad") {
        const upline = byEmail.get(r.upline);
        r.errors.push(
          upline
            ? `Upline email: ${r.upline}'s row (line ${upline.line}) has errors`
            : `Upline email: ${r.upline} is not a member of your part of the team`,
        );
      }
      state.set(r, outcome);
    }
  }
  for (const r of rows) if (r.errors.length === 0 && !members.has(r.upline)) r.waitsFor = r.upline;
}

/**
 * The valid rows (after `chainRows`) ordered so that a row comes after the row it waits for. `skip`: rows that get no
 * invitation (the person is already a member elsewhere); a row waiting for a skipped row waits for what that one
 * waited for, or lands where it would have (`upline` then names the member).
 */
export function chainOrder<R extends ChainRow>(
  rows: readonly R[],
  skip: ReadonlySet<string>,
): Array<{ row: R; upline: { member: string } | { row: R } }> {
  const valid = rows.filter((r) => r.errors.length === 0);
  const byEmail = rowsByEmail(valid);
  const placed = new Map<R, { member: string } | { row: R }>();
  const out: Array<{ row: R; upline: { member: string } | { row: R } }> = [];
  for (const start of valid) {
    const path: R[] = [];
    let cur: R | undefined = start;
    while (cur && !placed.has(cur)) {
      path.push(cur);
      cur = cur.waitsFor ? byEmail.get(cur.waitsFor) : undefined;
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const r = path[i]!;
      const up = r.waitsFor ? byEmail.get(r.waitsFor) : undefined;
      let upline: { member: string } | { row: R } = up ? { row: up } : { member: r.upline };
      if (up && skip.has(up.email)) upline = placed.get(up)!;
      placed.set(r, upline);
      if (!skip.has(r.email)) out.push({ row: r, upline });
    }
  }
  return out;
}

function rowsByEmail<R extends ChainRow>(rows: readonly R[]): Map<string, R> {
  const byEmail = new Map<string, R>();
  for (const r of rows) if (!byEmail.has(r.email)) byEmail.set(r.email, r);
  return byEmail;
}
