#!/usr/bin/env node
// `npm run test:reliability`: the reliability checks that need the real server (production build, HTTP, a
// database that survives kill -9): entries under SIGKILL + restart + retries + replays, background jobs under a
// worker's SIGKILL + restart (every job once, PostgreSQL only), then a bounded soak of
// logging and dashboard reads. The access matrix, bad-input fuzzing and failure injection run in `npm test`.
// SOAK_MINUTES (default 2; docs/RELIABILITY.md has a 10-minute run) and SOAK_RATE tune the soak.
import { run } from "./lib/run.mjs";

const tsx = ["node_modules/tsx/dist/cli.mjs"];
try {
  await run(process.execPath, [...tsx, "scripts/reliability/kill-restart.ts"]);
  await run(process.execPath, [...tsx, "scripts/reliability/job-kill-restart.ts"]);
  await run(process.execPath, [
    ...tsx,
    "scripts/reliability/soak.ts",
    "--minutes",
    process.env.SOAK_MINUTES ?? "2",
    "--rate",
    process.env.SOAK_RATE ?? "50",
  ]);
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
