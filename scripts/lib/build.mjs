// Builds the Next.js app unless the existing build is newer than every source file.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { next } from "./run.mjs";

const SOURCES = ["app", "components", "server", "trpc", "prisma", "next.config.js", "postcss.config.mjs", "package.json", "generated"];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export async function buildIfStale(projectRoot, { force = false } = {}) {
  const buildId = path.join(projectRoot, ".next", "BUILD_ID");
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map((s) => newestMtime(path.join(projectRoot, s))));
  if (!force && built > newest) {
    console.info("▸ Using the existing production build (.next is newer than the sources).");
    return;
  }
  console.info("▸ Building the app (next build)…");
  await next(["build"], { cwd: projectRoot, env: { NEXT_TELEMETRY_DISABLED: "1" } });
}
