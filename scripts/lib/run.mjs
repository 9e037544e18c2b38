// Small helpers for the project's Node scripts: run a command inheriting stdio, fail loudly.
import { spawn } from "node:child_process";

/** Runs a command; resolves when it exits 0, rejects with a clear message otherwise. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

export const node = (script, args = [], options = {}) => run(process.execPath, [script, ...args], options);

export const prisma = (args, options) => node("node_modules/prisma/build/index.js", args, options);

export const next = (args, options) => node("node_modules/next/dist/bin/next", args, options);
