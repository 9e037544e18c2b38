/**
 * The goal CSV of a whole big team, as the streaming download makes it (app/api/export → prepareGoalCsv): the time to
 * the first byte (the reads and the sums), the rows a second over the whole file, the bytes, and the process's peak
 * memory. Prints figures; asserts nothing about time.
 *
 *   npm run bench:export -- [--members 100000] [--period week] [--runs 3] [--database postgresql://…]
 *
 * The database is the roll-up benchmark's (`backplan_scale` or `backplan_scale_<n>k`, created and seeded when missing,
 * as `npm run bench:rollup` does).
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../../server/db-client";
import { prepareGoalCsv } from "../../server/services/dashboard/export-goal-csv";
import { loadGoalPlan } from "../../server/services/progress/load-goal-plan";
import { loadTeamScope } from "../../server/services/team/scope";
import { ensureDatabase, scaleDatabaseUrl } from "./lib/bench-server";
import { ensureScaleTeam } from "./lib/scale-team";
import { int, mb, memoryPeak, ms, numberFlag, stringFlag, summarize } from "./lib/stats";

const members = numberFlag("members", 100_000);
const runs = numberFlag("runs", 3);
const period = stringFlag("period") === "month" ? "month" : "week";
const url = stringFlag("database") ?? process.env.BENCH_DATABASE_URL ?? scaleDatabaseUrl(members);

async function main() {
  await ensureDatabase(url);
  const database = openDatabase(url);
  const db = database.db;
  try {
    const team = await ensureScaleTeam(db, members);
    const owner = await db.membership.findFirstOrThrow({
      where: { teamId: team.id, parentId: null, status: "ACTIVE" },
      select: { userId: true },
    });
    const goal = await db.goal.findFirstOrThrow({
      where: { teamId: team.id, status: "PUBLISHED" },
      select: { id: true },
    });
    const scope = await loadTeamScope(db, { teamId: team.id, userId: owner.userId });
    const goalPlan = await loadGoalPlan(db, scope, { goalId: goal.id });
    console.log(
      `Goal CSV export — ${int(members)} members, per ${period}, ${runs} runs; load average at start ${loadavg()
        .map((x) => x.toFixed(2))
        .join(", ")}\n`,
    );
    const first: number[] = [];
    const total: number[] = [];
    let rows = 0;
    let bytes = 0;
    let peak = 0;
    for (let run = 0; run < runs; run++) {
      const memory = memoryPeak();
      const t0 = performance.now();
      const file = await prepareGoalCsv(db, scope, { goal: goalPlan, period });
      first.push(performance.now() - t0);
      bytes = 0;
      for (const chunk of file.chunks()) bytes += Buffer.byteLength(chunk);
      total.push(performance.now() - t0);
      rows = file.rows;
      peak = Math.max(peak, memory.stop().rss);
    }
    const t = summarize(total).median;
    console.log(`  rows                ${int(rows)} (${(bytes / 1048576).toFixed(1)} MB of CSV)`);
    console.log(`  first byte          median ${ms(summarize(first).median)} (the reads, the sums, the pace)`);
    console.log(`  whole file          median ${ms(t)}`);
    console.log(`  rows a second       ${int(rows / (t / 1000))}   target ≥ 100,000`);
    console.log(`  peak RSS            ${mb(peak)}`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
