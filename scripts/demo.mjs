#!/usr/bin/env node
// `npm run demo`: the seeded demo on the embedded database, at http://localhost:3000.
// Creates and migrates the PGlite data folder (.data/pglite) on first run, seeds the demo team (safe to
// repeat), builds the app if needed and starts it in production mode with demo accounts on the sign-in page.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureAuthSecret } from "./lib/auth-secret.mjs";
import { ensureVapidKeys } from "./lib/vapid-keys.mjs";
import { buildIfStale } from "./lib/build.mjs";
import { next, prisma, run } from "./lib/run.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT ?? "3000";
const env = {
  DATABASE_URL: process.env.DATABASE_URL ?? "pglite:.data/pglite",
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXTAUTH_SECRET: ensureAuthSecret(root),
  ...ensureVapidKeys(root),
  BACKPLAN_DEMO: "1",
  NEXT_TELEMETRY_DISABLED: "1",
};
// `BACKPLAN_NOW=2027-03-21T10:00:00Z npm run demo`: the seed and the server share one pinned, ticking clock
// (server/clock.ts); the build never sees it.
if (process.env.BACKPLAN_NOW) {
  env.BACKPLAN_NOW = process.env.BACKPLAN_NOW;
  env.BACKPLAN_NOW_SINCE = String(Math.round(performance.timeOrigin + performance.now()));
  delete process.env.BACKPLAN_NOW;
  delete process.env.BACKPLAN_NOW_SINCE;
  console.info(`▸ Clock: ${env.BACKPLAN_NOW}, ticking`);
}

try {
  console.info(`▸ Database: ${env.DATABASE_URL}`);
  await prisma(["migrate", "deploy"], { cwd: root, env });
  console.info("▸ Seeding the demo team…");
  await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "prisma/seed.ts"], { cwd: root, env });
  await buildIfStale(root);
  console.info(`\n▸ Backplan demo on http://localhost:${port} — the sign-in page lists the demo accounts.\n`);
  await next(["start", "-p", port], { cwd: root, env: { ...env, NODE_ENV: "production" } });
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
