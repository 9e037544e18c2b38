#!/usr/bin/env node
// `npm run screens [-- playwright args]`: screenshots of every page at phone size (and the dashboard and the Log at
// desktop size) into docs/screens/, on a freshly seeded demo at the e2e run's pinned instant. It is the e2e run
// (scripts/e2e.mjs: build if stale, fresh PGlite database, Debian's Chromium) of e2e/screens.spec.ts alone, with
// SCREENS=1; without that variable the spec is skipped, so `npm run test:e2e` and CI write no images.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { node } from "./lib/run.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

try {
  await node("scripts/e2e.mjs", ["e2e/screens.spec.ts", "--project=phone", ...process.argv.slice(2)], {
    cwd: root,
    env: { SCREENS: "1" },
  });
  console.info(`▸ Screenshots in ${path.join(root, "docs/screens")}`);
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
