/**
 * Cascade and re-plan benchmark on PostgreSQL: a 13-week goal over the whole scale team, through the real services.
 *   1. publish — createGoal({ publish: true }): load the tree and history, cascade, write every MemberTarget and the
 *      one goal-level TargetChange carrying every member's target, in one transaction;
 *   2. re-plan — applyGoalChange (a new target): re-cascade, update every changed MemberTarget, record the changes
 *      (one row), in one transaction.
 * Prints wall time, peak RSS and peak heap in use (sampled every 5 ms) per step; asserts nothing about time. After
 * each step the big goal's dashboard is read ahead in the background (warm-goal-dashboard.ts), as in the product: the
 * step's answer never waits for it, so it is timed apart, after the step, and this instance then forgets what it
 * kept — so no step is measured beside the previous one's background read. The benchmark goal is deleted afterwards.
 *
 *   npm run bench:cascade -- [--members 100000] [--runs 3] [--rule history|even|weight] [--database postgresql://…]
 *
 * --rule   the goal's split rule (default history: the only one that reads every member's past actuals — a window
 *          of DailyTotal rows — besides the tree).
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { openDatabase, type Db } from "../../server/db-client";
import { ensureDatabase, scaleDatabaseUrl } from "./lib/bench-server";
import { ensureScaleTeam } from "./lib/scale-team";
import { applyGoalChange } from "../../server/services/goal/apply-goal-change";
import { readGoalSplit } from "../../server/queries/goal-split";
import { decodeSplit } from "../../server/domain/goal-split";
import { createGoal } from "../../server/services/goal/create-goal";
import { loadTeamScope } from "../../server/services/team/scope";
import { forgetInstance } from "../../server/services/progress/instance-work";
import { ZCreateGoalInput } from "../../server/schemas/goal";
import { int, mb, memoryPeak, ms, numberFlag, stringFlag, summarize } from "./lib/stats";
import * as clock from "@/server/clock";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

const members = numberFlag("members", 100_000);
const runs = numberFlag("runs", 3);
const RULES = { history: "HISTORY", even: "EVEN", weight: "WEIGHT" } as const;
const ruleFlag = stringFlag("rule") ?? "history";
if (!(ruleFlag in RULES)) throw new Error(`--rule must be one of ${Object.keys(RULES).join(", ")} (got ${ruleFlag})`);
const rule = RULES[ruleFlag as keyof typeof RULES];
const url = stringFlag("database") ?? process.env.BENCH_DATABASE_URL ?? scaleDatabaseUrl(members);

async function removeGoal(db: Db, goalId: string) {
  await db.$transaction([db.targetChange.deleteMany({ where: { goalId } }), db.goal.delete({ where: { id: goalId } })]);
}

interface Step {
  time: number;
  rss: number;
  /** Peak RSS less the process's RSS before the first step: what the steps add to it (the "+212 MB"). */
  rssGrowth: number;
  heap: number;
  behind: number;
}

async function measure<T>(fn: () => Promise<T>, rssAtStart: number) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const peak = memoryPeak(5);
  const t0 = performance.now();
  const result = await fn();
  const time = performance.now() - t0;
  const { rss, heap } = peak.stop();
  // What the step left running behind its answer (the dashboard's read-ahead), then forgotten.
  const t1 = performance.now();
  await forgetInstance();
  const behind = performance.now() - t1;
  return { result, time, rss, heap, behind, rssGrowth: rss - rssAtStart, heapBefore: before.heapUsed };
}

async function main() {
  await ensureDatabase(url);
  const database = openDatabase(url);
  const db = database.db;
  try {
    const team = await ensureScaleTeam(db, members);
    const owner = await db.membership.findFirstOrThrow({
      where: { teamId: team.id, parentId: null, status: "ACTIVE" },
      select: { id: true, teamId: true, userId: true, parentId: true, role: true },
    });
    const ownerScope = await loadTeamScope(db, { teamId: team.id, userId: owner.userId });
    const metric = await db.metric.findFirstOrThrow({
      where: { teamId: team.id, key: "team_volume" },
      select: { id: true },
    });
    const count = await db.membership.count({ where: { teamId: team.id, status: "ACTIVE" } });
    // Stale benchmark goals from an interrupted run.
    for (const g of await db.goal.findMany({
      where: { teamId: team.id, name: { startsWith: "Bench cascade" } },
      select: { id: true },
    })) {
      await removeGoal(db, g.id);
    }

    const today = clock.todayIn("UTC");
    const start = today;
    const deadline = toIsoDay(new Date(toDbDay(today).getTime() + (13 * 7 - 1) * 86_400_000));
    const target = Math.min(count * 20_000, 1_500_000_000); // +10 % must still fit an integer column
    const rssAtStart = process.memoryUsage().rss;
    console.log(
      `Cascade benchmark — ${int(count)} members × 13 weeks (${start} → ${deadline}), split by ${ruleFlag}, ${runs} runs, node ${process.version}` +
        (globalThis.gc ? "" : " (run with --expose-gc for a clean heap baseline)") +
        `; process rss before the first step ${mb(rssAtStart)}, load average ${loadavg()
          .map((x) => x.toFixed(1))
          .join(" ")}\n`,
    );

    const publish: Step[] = [];
    const replan: (Step & { changed: number })[] = [];
    for (let run = 0; run < runs; run++) {
      const input = ZCreateGoalInput.parse({
        name: `Bench cascade ${run + 1}`,
        metricId: metric.id,
        target,
        startDate: start,
        deadline,
        period: "WEEK",
        splitRule: rule,
        publish: true,
      });
      const scope = { ...ownerScope, today };
      const p = await measure(() => createGoal(db, scope, { ...input, rootMembershipId: owner.id }), rssAtStart);
      publish.push(p);
      const r = await measure(
        () =>
          applyGoalChange(db, scope, {
            goalId: p.result.id,
            version: p.result.version,
            change: { kind: "target", target: Math.round(target * 1.1) },
          }),
        rssAtStart,
      );
      replan.push({ ...r, changed: r.result.changed });
      const stored = await readGoalSplit(db, p.result.id);
      const targets = stored ? decodeSplit(stored.split).slots.length : 0;
      console.log(
        `  run ${run + 1}: publish ${ms(p.time)} (rss ${mb(p.rss)}, +${mb(p.rssGrowth)}, heap ${mb(p.heap)}; read ahead after it ${ms(p.behind)}), ${int(targets)} targets;` +
          ` re-plan ${ms(r.time)} (rss ${mb(r.rss)}, +${mb(r.rssGrowth)}, heap ${mb(r.heap)}; read ahead ${ms(r.behind)}), ${int(r.result.changed)} changed;` +
          ` load average ${loadavg()
            .map((x) => x.toFixed(1))
            .join(" ")}`,
      );
      await removeGoal(db, p.result.id);
    }
    const line = (what: string, xs: Step[]) => {
      const t = summarize(xs.map((x) => x.time));
      const behind = summarize(xs.map((x) => x.behind));
      console.log(
        `  ${what.padEnd(28)} median ${ms(t.median).padStart(8)}   max ${ms(t.max).padStart(8)}   ` +
          `peak rss ${mb(Math.max(...xs.map((x) => x.rss)))} (+${mb(Math.max(...xs.map((x) => x.rssGrowth)))} over the process before the first step)   peak heap ${mb(Math.max(...xs.map((x) => x.heap)))}   ` +
          `then read ahead in the background, median ${ms(behind.median)}`,
      );
    };
    console.log("");
    line("publish (cascade + write)", publish);
    line("re-plan (target +10 %)", replan);
    console.log(
      `\n  targets: ≤ 500 ms and ≤ 200 MB each (the RSS a step adds, as the issue measured it: "+212 MB"), writes included, one transaction`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
