/**
 * `npm run worker`: the background-job worker alone (server/jobs), for PostgreSQL deployments that scale out —
 * run one or more of these and set BACKPLAN_WORKER=off on the app instances. Any number of workers may share one
 * database: a job runs once, a scheduled tick is sent once. SIGTERM / SIGINT stop it gracefully (running jobs
 * finish, up to 30 s); a job cut short by a crash (kill -9) is retried when it expires (handlers are idempotent).
 *
 * PGlite (`pglite:<folder>`, the default) admits one process per data folder: there the app runs the jobs itself,
 * so this refuses to start. docs/OPERATIONS.md "Jobs and the worker".
 *
 * Environment: DATABASE_URL (required, postgresql://…), DATABASE_PREPARED_STATEMENTS (env.ts), JOBS_POLLING_SECONDS
 * (default 2), plus what the jobs read (SMTP_URL, VAPID_*, …, env.ts).
 */
import { env } from "../env";
import { parseDatabaseUrl } from "../prisma/engine/database-url.mjs";
import { assertClockAllowed } from "../server/clock";
import { openDatabase } from "../server/db-client";
import { startWorker } from "../server/jobs/worker";

const target = parseDatabaseUrl(process.env.DATABASE_URL);
if (target.kind !== "postgres") {
  console.error(
    "✖ npm run worker needs DATABASE_URL=postgresql://…: on PGlite the app runs the jobs in its own process " +
      "(leave BACKPLAN_WORKER unset).",
  );
  process.exit(1);
}
assertClockAllowed();

const polling = Number(process.env.JOBS_POLLING_SECONDS ?? "2");
const database = openDatabase(target.url, {
  poolSize: 4,
  preparedStatements: env.DATABASE_PREPARED_STATEMENTS === "on",
});
try {
  await startWorker({
    database,
    pollingIntervalSeconds: Number.isFinite(polling) && polling > 0 ? polling : 2,
    onSignal: async () => {
      await database.close();
      process.exit(0);
    },
  });
} catch (error) {
  console.error(`✖ jobs: the worker did not start: ${error instanceof Error ? error.message : String(error)}`);
  await database.close();
  process.exit(1);
}
