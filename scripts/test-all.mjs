#!/usr/bin/env node
// `npm test`: everything CI runs — typecheck, lint, formatting, unit, integration (PGlite; and PostgreSQL too when
// TEST_DATABASE_URL is set), then end-to-end in Chromium. Stops at the first failure.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { node } from "./lib/run.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const steps = [
  ["typecheck", "node_modules/typescript/bin/tsc", ["--noEmit"]],
  ["lint", "node_modules/eslint/bin/eslint.js", ["."]],
  [
    "formatting (prettier --check; npm run format fixes it)",
    "node_modules/prettier/bin/prettier.cjs",
    ["--check", "."],
  ],
  ["unit tests", "node_modules/vitest/vitest.mjs", ["run", "--project", "unit"]],
  [
    "integration tests (PGlite)",
    "node_modules/vitest/vitest.mjs",
    ["run", "--project", "integration"],
    { TEST_DATABASE_URL: "" },
  ],
  ["end-to-end tests", "scripts/e2e.mjs", []],
];

const started = performance.now();
for (const [name, script, args, env] of steps) {
  console.info(`\n━━ ${name} ━━`);
  try {
    await node(script, args, { cwd: root, env });
  } catch {
    console.error(`\n✖ ${name} failed.`);
    process.exit(1);
  }
}
console.info(`\n✔ All tests passed in ${Math.round((performance.now() - started) / 1000)} s.`);
