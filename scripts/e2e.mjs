#!/usr/bin/env node
// `npm run test:e2e [-- playwright args]`: production build + a fresh seeded PGlite database, then Playwright
// in Debian's Chromium (found or installed by scripts/lib/chromium.mjs).
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfStale } from "./lib/build.mjs";
import { ensureChromium } from "./lib/chromium.mjs";
import { node, prisma, run } from "./lib/run.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const databaseUrl = process.env.E2E_DATABASE_URL ?? "pglite:.data/e2e-pglite";

try {
  const chromium = ensureChromium();
  console.info(`▸ Chromium: ${chromium}`);
  if (databaseUrl.startsWith("pglite:")) rmSync(path.join(root, databaseUrl.slice("pglite:".length)), { recursive: true, force: true });
  await prisma(["migrate", "deploy"], { cwd: root, env: { DATABASE_URL: databaseUrl } });
  await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "prisma/seed.ts"], { cwd: root, env: { DATABASE_URL: databaseUrl } });
  await buildIfStale(root);
  await node("node_modules/@playwright/test/cli.js", ["test", ...process.argv.slice(2)], {
    cwd: root,
    env: { CHROMIUM_PATH: chromium, E2E_DATABASE_URL: databaseUrl },
  });
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
