// Runs the Prisma CLI and captures what it printed, for scripts that must judge the output itself:
// a broken schema engine can make `prisma migrate …` print little and still exit 0.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const PRISMA_CLI = path.join(ROOT, "node_modules", "prisma", "build", "index.js");

/**
 * @param {string[]} args  e.g. ["migrate", "status"]
 * @param {{ cwd?: string, env?: Record<string, string | undefined>, timeoutMs?: number }} [options]
 * @returns {Promise<{ code: number | null, output: string, seconds: number }>} stdout and stderr interleaved
 */
export function prismaCapture(args, { cwd = ROOT, env = {}, timeoutMs = 180_000 } = {}) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PRISMA_CLI, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`prisma ${args.join(" ")} did not finish within ${timeoutMs / 1000} s. Output:\n${output}`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output, seconds: (performance.now() - started) / 1000 });
    });
  });
}
