// Builds the Next.js app unless the existing build is newer than every source file and of the wanted kind: a
// normal production build, or a benchmark build (`{ bench: true }`: BACKPLAN_BENCH=1, which adds the routes in
// `*.bench.ts` files, see next.config.js). The kind is recorded in .next/backplan-build.json; switching kinds rebuilds.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { next } from "./run.mjs";

const SOURCES = [
  "app",
  "components",
  "server",
  "trpc",
  "prisma",
  "env.ts",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package.json",
  "generated",
];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function builtKind(projectRoot) {
  try {
    return JSON.parse(readFileSync(path.join(projectRoot, ".next", "backplan-build.json"), "utf8")).bench === true
      ? "bench"
      : "production";
  } catch {
    return "production";
  }
}

export async function buildIfStale(projectRoot, { force = false, bench = false } = {}) {
  const buildId = path.join(projectRoot, ".next", "BUILD_ID");
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map((s) => newestMtime(path.join(projectRoot, s))));
  const kind = bench ? "bench" : "production";
  if (!force && built > newest && builtKind(projectRoot) === kind) {
    console.info(`▸ Using the existing ${kind} build (.next is newer than the sources).`);
    return;
  }
  console.info(`▸ Building the app (next build${bench ? ", BACKPLAN_BENCH=1" : ""})…`);
  await next(["build"], { cwd: projectRoot, env: { NEXT_TELEMETRY_DISABLED: "1", BACKPLAN_BENCH: bench ? "1" : "" } });
  writeFileSync(path.join(projectRoot, ".next", "backplan-build.json"), JSON.stringify({ bench }));
}
