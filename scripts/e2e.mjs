#!/usr/bin/env node
// `npm run test:e2e [-- playwright args]`: production build + a fresh seeded PGlite database, then Playwright
// in Debian's Chromium (found or installed by scripts/lib/chromium.mjs).
//
// The whole run lives at one instant, whatever the real date: BACKPLAN_NOW (default tests/test-now.json, a
// Wednesday) ticking from the moment this script starts (BACKPLAN_NOW_SINCE). The seed, the server (server/clock.ts)
// and the browser (page.clock, e2e/fixtures.ts) share that timeline. `BACKPLAN_NOW=2027-05-16T22:45:00Z npm run
// test:e2e` runs it at another instant.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfStale } from "./lib/build.mjs";
import { ensureChromium } from "./lib/chromium.mjs";
import { node, prisma, run } from "./lib/run.mjs";
import { ensureVapidKeys } from "./lib/vapid-keys.mjs";

/** The big team's seed (e2e/fixtures.ts `BIG_TEAM`): 2,000 members, four weeks of activity. */
const BIG_TEAM_SEED = ["--members", "2000", "--days", "28"];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const databaseUrl = process.env.E2E_DATABASE_URL ?? "pglite:.data/e2e-pglite";
const clockEnv = {
  BACKPLAN_NOW:
    process.env.BACKPLAN_NOW || JSON.parse(readFileSync(path.join(root, "tests/test-now.json"), "utf8")).TEST_NOW,
  BACKPLAN_NOW_SINCE: String(Math.round(performance.timeOrigin + performance.now())),
  BACKPLAN_TEST: "1",
};
// The build must not see a pinned clock (it runs as production); only the seed, the server and the browser do.
delete process.env.BACKPLAN_NOW;
delete process.env.BACKPLAN_NOW_SINCE;

try {
  const chromium = ensureChromium();
  console.info(`▸ Chromium: ${chromium}`);
  if (databaseUrl.startsWith("pglite:"))
    rmSync(path.join(root, databaseUrl.slice("pglite:".length)), { recursive: true, force: true });
  await prisma(["migrate", "deploy"], { cwd: root, env: { DATABASE_URL: databaseUrl } });
  console.info(`▸ Clock: ${clockEnv.BACKPLAN_NOW}, ticking`);
  await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "prisma/seed.ts"], {
    cwd: root,
    env: { DATABASE_URL: databaseUrl, ...clockEnv },
  });
  // A team bigger than the dashboard sends whole (FULL_VIEW_ROWS): its first view, server search and drilling are
  // walked by e2e/big-dashboard.spec.ts. ~4 s on PGlite.
  await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/seed-scale.ts", ...BIG_TEAM_SEED], {
    cwd: root,
    env: { DATABASE_URL: databaseUrl, ...clockEnv },
  });
  await buildIfStale(root);
  await node("node_modules/@playwright/test/cli.js", ["test", ...process.argv.slice(2)], {
    cwd: root,
    // Playwright's web server (the app) inherits these: push is set up in e2e (e2e/push.spec.ts).
    env: { CHROMIUM_PATH: chromium, E2E_DATABASE_URL: databaseUrl, ...clockEnv, ...ensureVapidKeys(root) },
  });
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
