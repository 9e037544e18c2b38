#!/usr/bin/env node
// `npm start`: the production server (`next start`) on DATABASE_URL (PostgreSQL in production; PGlite by
// default). Run `npm run db:deploy` first and `npm run build` once. Behind a load balancer, set
// NEXTAUTH_SECRET and NEXTAUTH_URL yourself; on a single machine a secret is generated into .data/.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureAuthSecret } from "./lib/auth-secret.mjs";
import { buildIfStale } from "./lib/build.mjs";
import { next } from "./lib/run.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT ?? "3000";
if (!process.env.NEXTAUTH_SECRET) {
  console.warn(
    "! NEXTAUTH_SECRET is not set: using the one generated in .data/auth-secret (fine for one machine only).",
  );
}
const env = {
  NEXTAUTH_SECRET: ensureAuthSecret(root),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
};
try {
  await buildIfStale(root);
  await next(["start", "-p", port], { cwd: root, env });
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
