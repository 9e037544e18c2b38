/**
 * Dashboard roll-up benchmark on PostgreSQL: the whole-tree read and a subtree read through the real service
 * (server/services/progress/get-rollup.ts), and beside them, in the same run, the naive way (Prisma, one query
 * per node walking the tree) as a ratio. Prints figures; asserts nothing about time.
 *
 *   npm run bench:rollup -- [--members 10000] [--runs 30] [--naive-sample 2000] [--database postgresql://…]
 *
 * The database defaults to `backplan_scale` (10,000) or `backplan_scale_<members/1000>k`; the scale team
 * `scale-<members>` is seeded there first when missing (npm run seed:scale). The naive walk runs over the whole
 * tree when it has at most --naive-sample members, otherwise over the first --naive-sample nodes (breadth first)
 * and is extrapolated linearly (each node costs the same two queries).
 */
import { memberTarget } from "../../server/queries/goal-split";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { openDatabase, type Db } from "../../server/db-client";
import { ensureDatabase, scaleDatabaseUrl } from "./lib/bench-server";
import { ensureScaleTeam } from "./lib/scale-team";
import { dropKeptViews } from "../../server/queries/branch-view-snapshot";
import { indexBranches } from "../../server/domain/branch-view";
import { keepFirstViews, rollupKey, settleKeptViews } from "../../server/services/progress/branch-view-store";
import { keepViewsAhead } from "../../server/services/progress/keep-views-ahead";
import { warmGoalDashboard } from "../../server/services/progress/warm-goal-dashboard";
import * as clock from "../../server/clock";
import {
  FULL_VIEW_ROWS,
  getBranchView,
  OFF_PACE_LIMIT,
  searchGoalBranch,
} from "../../server/services/progress/get-branch-view";
import { getRollup } from "../../server/services/progress/get-rollup";
import { settleRollupMemo } from "../../server/services/progress/rollup-memo";
import { forgetInstance, settleInstance } from "../../server/services/progress/instance-work";
import { loadGoalPlan } from "../../server/services/progress/load-goal-plan";
import { resolveViewRoot } from "../../server/services/progress/view-root";
import { loadTeamScope } from "../../server/services/team/scope";
import { int, ms, numberFlag, stringFlag, summarize, timeAsync } from "./lib/stats";
import { toDbDay } from "@/server/domain/db-day";

const members = numberFlag("members", 10_000);
const runs = numberFlag("runs", 30);
const naiveSample = numberFlag("naive-sample", 10_000);
const url = stringFlag("database") ?? process.env.BENCH_DATABASE_URL ?? scaleDatabaseUrl(members);

interface Naive {
  visited: number;
  teamToDate: number;
  ms: number;
}

/**
 * The naive read: from the root, one Prisma query per node for the node (name, target, children) and one for its
 * actuals, then the same bottom-up sums in memory. This is what "a query per node" costs.
 */
async function naiveRollup(
  db: Db,
  args: { rootId: string; goalId: string; metricId: string; from: Date; to: Date; limit: number },
): Promise<Naive> {
  const t0 = performance.now();
  const queue = [args.rootId];
  const parent = new Map<string, string | null>([[args.rootId, null]]);
  const toDate = new Map<string, number>();
  const order: string[] = [];
  while (queue.length > 0 && order.length < args.limit) {
    const id = queue.shift()!;
    const node = await db.membership.findUnique({
      where: { id },
      select: {
        id: true,
        role: true,
        user: { select: { name: true } },
        children: { where: { status: "ACTIVE" }, select: { id: true } },
      },
    });
    // The naive reader's per-member target read (one query a member, as before the split was one row).
    await memberTarget(db, { membershipId: id, goalId: args.goalId });
    const sum = await db.dailyTotal.aggregate({
      where: { membershipId: id, metricId: args.metricId, day: { gte: args.from, lte: args.to } },
      _sum: { total: true },
    });
    order.push(id);
    toDate.set(id, sum._sum.total ?? 0);
    for (const c of node?.children ?? []) {
      parent.set(c.id, id);
      queue.push(c.id);
    }
  }
  for (let i = order.length - 1; i > 0; i--) {
    const id = order[i]!;
    const p = parent.get(id)!;
    toDate.set(p, toDate.get(p)! + toDate.get(id)!);
  }
  return { visited: order.length, teamToDate: toDate.get(args.rootId) ?? 0, ms: performance.now() - t0 };
}

async function main() {
  await ensureDatabase(url);
  const database = openDatabase(url);
  // Time spent inside Prisma operations (PostgreSQL, the driver and Prisma's decoding), to split the server time.
  let queryMs = 0;
  const db = database.db.$extends({
    query: {
      async $allOperations({ args, query }) {
        const t0 = performance.now();
        try {
          return await query(args);
        } finally {
          queryMs += performance.now() - t0;
        }
      },
    },
  }) as unknown as Db;
  try {
    const team = await ensureScaleTeam(db, members);
    const goal = await db.goal.findFirstOrThrow({
      where: { teamId: team.id, status: "PUBLISHED" },
      select: { id: true, metricId: true, startDate: true },
    });
    const tree = await db.membership.findMany({
      where: { teamId: team.id, status: "ACTIVE" },
      select: { id: true, teamId: true, userId: true, parentId: true, role: true },
    });
    const owner = tree.find((m) => m.parentId === null)!;
    // The subtree: the member whose downline is closest to a tenth of the team (a big leader's view).
    const size = new Map<string, number>();
    const byParent = new Map<string, string[]>();
    for (const m of tree) if (m.parentId) byParent.set(m.parentId, [...(byParent.get(m.parentId) ?? []), m.id]);
    const count = (id: string): number => {
      let n = 1;
      const stack = [id];
      while (stack.length) {
        for (const c of byParent.get(stack.pop()!) ?? []) {
          n++;
          stack.push(c);
        }
      }
      return n;
    };
    for (const c of byParent.get(owner.id) ?? []) size.set(c, count(c));
    for (const m of tree) if (!size.has(m.id) && (byParent.get(m.id)?.length ?? 0) >= 50) size.set(m.id, count(m.id));
    const subtree = [...size.entries()].sort(
      (a, b) => Math.abs(a[1] - tree.length / 10) - Math.abs(b[1] - tree.length / 10),
    )[0]!;

    const scope = await loadTeamScope(db, { teamId: team.id, userId: owner.userId });
    // As the dashboard's procedure does: the goal, the root's visibility, then the roll-up read.
    const read = async (rootId?: string) =>
      getRollup(db, scope, {
        goal: await loadGoalPlan(db, scope, { goalId: goal.id }),
        period: "week",
        rootId: await resolveViewRoot(db, scope.actor, rootId),
      });

    const pg = await db.$queryRawUnsafe<{ v: string }[]>(`SELECT current_setting('server_version') AS v`);
    console.log(
      `Roll-up benchmark — PostgreSQL ${pg[0]?.v}, ${int(tree.length)} members, ${runs} timed runs after 3 warm-ups, node ${process.version}`,
    );
    console.log(
      `  load average at start: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(", ")} (1, 5, 15 min)\n`,
    );

    const whole = await read();
    const queryShare = async (rootId?: string) => {
      const samples: number[] = [];
      for (let i = 0; i < Math.min(runs, 10); i++) {
        queryMs = 0;
        await read(rootId);
        samples.push(queryMs);
      }
      return summarize(samples).median;
    };
    const whole$ = await timeAsync(runs, () => read());
    const wholeQueries = await queryShare();
    const sub = await read(subtree[0]);
    const sub$ = await timeAsync(runs, () => read(subtree[0]));
    const subQueries = await queryShare(subtree[0]);

    const from = goal.startDate;
    const to = toDbDay(whole.goalAsOf);
    const limit = Math.min(naiveSample, tree.length);
    const naive = await naiveRollup(db, {
      rootId: owner.id,
      goalId: goal.id,
      metricId: goal.metricId,
      from,
      to,
      limit,
    });
    const naiveFull = naive.visited === tree.length;
    const naiveMs = naiveFull ? naive.ms : (naive.ms / naive.visited) * tree.length;
    if (naiveFull && naive.teamToDate !== whole.rows[0]!.goal.teamActual) {
      throw new Error(
        `The naive read disagrees with the service: ${naive.teamToDate} vs ${whole.rows[0]!.goal.teamActual}`,
      );
    }
    const subNaiveMs = (naiveMs / tree.length) * sub.rows.length;

    const line = (what: string, rows: number, s: { median: number; p95: number }, naiveAt: number) =>
      console.log(
        `  ${what.padEnd(22)} ${int(rows).padStart(7)} rows   median ${ms(s.median).padStart(8)}   p95 ${ms(s.p95).padStart(8)}   ` +
          `naive ${ms(naiveAt).padStart(9)}${naiveFull ? "" : " (est.)"}   ${int(naiveAt / s.median)}× faster`,
      );
    line("whole tree (owner)", whole.rows.length, whole$, naiveMs);
    line(`subtree (${subtree[0]})`, sub.rows.length, sub$, subNaiveMs);
    console.log(
      `\n  of which inside queries (PostgreSQL + driver + decoding, median): whole tree ${ms(wholeQueries)}, subtree ${ms(subQueries)}; the rest is the service's own work (roll-up, pace, forecasts)`,
    );
    console.log(
      `\n  naive way: ${int(naive.visited)} nodes walked in ${ms(naive.ms)} (${(naive.ms / naive.visited).toFixed(2)} ms a node, 2 queries a node)` +
        (naiveFull ? ", whole tree, same team total as the service" : `, extrapolated to ${int(tree.length)} nodes`),
    );
    console.log(`  targets: whole tree ≤ ${members >= 100_000 ? "300" : "50"} ms, ≥ 100× faster than naive at 10k`);

    // The dashboard's first view (dashboard.view) and its search, as the procedures call them.
    const goalPlan = await loadGoalPlan(db, scope, { goalId: goal.id });
    const widest = [...byParent.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    const view = (rootId: string) => getBranchView(db, scope, { goal: goalPlan, period: "week", rootId });
    // A first read with nothing kept anywhere (this instance's memo and the database's kept views emptied), and a
    // new instance's first read (its memo empty) while the views another read kept are in the database.
    const forgetAll = async () => {
      await forgetInstance();
      await dropKeptViews(db, goal.id);
    };
    const cold = (rootId: string) => timeAsync(Math.min(runs, 5), () => view(rootId), 1, forgetAll);
    const newInstance = async (rootId: string) => {
      await forgetAll();
      await view(rootId); // nothing kept: read, and keep the views (in the background)
      return timeAsync(Math.min(runs, 5), () => view(rootId), 1, forgetInstance);
    };
    const first = await view(owner.id);
    const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x));
    console.log(
      `\n  first view (dashboard.view): ${int(first.children.length)} direct, ${int(first.offPaceCount)} off pace, ` +
        `${(bytes(first) / 1024).toFixed(1)} KB of JSON vs ${(bytes(whole) / 1048576).toFixed(1)} MB for every row`,
    );
    const firstCold = await cold(owner.id);
    // What keeping the views costs (in the background of the read that kept the roll-up).
    const keptRead = await getRollup(db, scope, { goal: goalPlan, period: "week", rootId: owner.id });
    const held = { result: keptRead, index: indexBranches(keptRead.rows), computedAt: clock.now() };
    const keep = { minSize: FULL_VIEW_ROWS, offPaceLimit: OFF_PACE_LIMIT };
    const weekKey = rollupKey(scope, { goal: goalPlan, period: "week" });
    const keptViews = await keepFirstViews(db, weekKey, held, keep);
    const keepTime = await timeAsync(3, () => keepFirstViews(db, weekKey, held, keep));
    const keptBytes = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT COALESCE(SUM(pg_column_size("view")), 0)::bigint AS n FROM "BranchViewSnapshot" WHERE "goalId" = $1`,
      goal.id,
    );
    await view(owner.id);
    const firstWarm = await timeAsync(runs, () => view(owner.id));
    const drillWarm = await timeAsync(runs, () => view(subtree[0]));
    const wideWarm = await timeAsync(runs, () => view(widest[0]));
    // A leader opening their own dashboard while the team's roll-up is kept (someone opened the team's): served from it.
    const leader = tree.find((m) => m.id === subtree[0])!;
    const leaderScope = await loadTeamScope(db, { teamId: team.id, userId: leader.userId });
    const leaderWarm = await timeAsync(runs, () =>
      getBranchView(db, leaderScope, { goal: goalPlan, period: "week", rootId: leader.id }),
    );
    const searchWarm = await timeAsync(runs, () =>
      searchGoalBranch(db, scope, { goal: goalPlan, period: "week", rootId: owner.id, query: "member 12" }),
    );
    // Last, as they leave this instance's memo empty.
    const firstInstance = await newInstance(owner.id);
    const wideCold = await cold(widest[0]);
    const wideInstance = await newInstance(widest[0]);
    const subCold = await cold(subtree[0]);
    const subInstance = await newInstance(subtree[0]);
    // The biggest branch still sent whole (no kept view: read on the instance, whatever is kept).
    const sentWhole = tree
      .filter((m) => (byParent.get(m.id)?.length ?? 0) >= 2)
      .map((m) => [m.id, count(m.id)] as const)
      .filter(([, n]) => n <= FULL_VIEW_ROWS)
      .sort((a, b) => b[1] - a[1])[0];
    const wholeCold = sentWhole ? await cold(sentWhole[0]) : undefined;
    // A new instance's search and small drill once its own background read (started by its first view) is in.
    const afterFirstView = async () => {
      await forgetInstance();
      await view(owner.id);
      await settleRollupMemo();
    };
    const searchInstance = await timeAsync(
      Math.min(runs, 5),
      () => searchGoalBranch(db, scope, { goal: goalPlan, period: "week", rootId: owner.id, query: "member 12" }),
      1,
      afterFirstView,
    );
    const wholeInstance = sentWhole
      ? await timeAsync(Math.min(runs, 5), () => view(sentWhole[0]), 1, afterFirstView)
      : undefined;
    // A publish or a change of the goal reads its dashboard ahead (warm-goal-dashboard.ts, after the commit): how long
    // until its views are kept for every instance, from nothing kept anywhere; then another instance's first view.
    const warmed = await timeAsync(
      Math.min(runs, 3),
      async () => {
        await warmGoalDashboard(db, { teamId: team.id, goalId: goal.id });
        await settleKeptViews();
      },
      0,
      forgetAll,
    );
    const afterWarm = await timeAsync(
      Math.min(runs, 5),
      () => view(owner.id),
      0,
      async () => {
        await forgetAll();
        await warmGoalDashboard(db, { teamId: team.id, goalId: goal.id });
        await forgetInstance();
      },
    );
    // The keep-ahead job's run for this goal (its views made due: asked for now, computed 4 minutes ago).
    await newInstance(owner.id);
    await settleInstance();
    await db.$executeRawUnsafe(
      `UPDATE "BranchViewSnapshot" SET "requestedAt" = $2, "computedAt" = $3 WHERE "goalId" = $1`,
      goal.id,
      clock.now(),
      new Date(clock.nowMs() - 4 * 60_000),
    );
    const t0 = performance.now();
    const aheadRun = await keepViewsAhead(db);
    const aheadMs = performance.now() - t0;
    const vline = (what: string, s: { median: number; p95: number }, target: string) =>
      console.log(
        `  ${what.padEnd(52)} median ${ms(s.median).padStart(8)}   p95 ${ms(s.p95).padStart(8)}   target ${target}`,
      );
    console.log(
      `  kept views: ${int(keptViews)} branches of more than ${int(FULL_VIEW_ROWS)} rows, ${(Number(keptBytes[0]!.n) / 1024).toFixed(0)} KB stored; ` +
        `writing them (in the background of the read) median ${ms(keepTime.median)}`,
    );
    vline("first view, whole team, nothing kept anywhere", firstCold, "≤ 100 ms");
    vline("first view, whole team, a new instance (views kept)", firstInstance, "≤ 100 ms");
    vline("read ahead after a publish or change: views kept in", warmed, "—");
    vline("first view, whole team, another instance after it", afterWarm, "≤ 100 ms");
    vline("first view, whole team, while kept", firstWarm, "≤ 100 ms");
    vline(`drill into ${subtree[0]} (${int(sub.rows.length)} below), while kept`, drillWarm, "≤ 50 ms");
    vline(`drill into ${widest[0]} (${int(widest[1].length)} direct), while kept`, wideWarm, "≤ 50 ms");
    vline(`${subtree[0]}'s own first view, the team's kept`, leaderWarm, "≤ 100 ms");
    vline(`drill into ${widest[0]}, nothing kept anywhere`, wideCold, "≤ 50 ms");
    vline(`drill into ${widest[0]}, a new instance (views kept)`, wideInstance, "≤ 50 ms");
    vline(`drill into ${subtree[0]}, nothing kept anywhere`, subCold, "≤ 50 ms");
    vline(`drill into ${subtree[0]}, a new instance (views kept)`, subInstance, "≤ 50 ms");
    if (sentWhole && wholeCold) {
      vline(`drill into ${sentWhole[0]} (${int(sentWhole[1])} rows, sent whole), first read`, wholeCold, "≤ 50 ms");
    }
    if (sentWhole && wholeInstance) {
      vline(`drill into ${sentWhole[0]}, a new instance after its first view`, wholeInstance, "≤ 50 ms");
    }
    vline("search by name in the whole team, while kept", searchWarm, "≤ 50 ms");
    vline("search, a new instance once its first view's read is in", searchInstance, "≤ 50 ms");
    console.log(
      `  keep-ahead job (dashboard.keep-views-ahead), this goal's week: ${ms(aheadMs)} for ${int(aheadRun.views)} views ` +
        `(${aheadRun.goals} goal period, ${aheadRun.failed} failed): a whole-tree read and the write, every ~3 min while in use`,
    );
    console.log(
      `  load average at end: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(", ")}`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
