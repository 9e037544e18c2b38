/**
 * The real app for reliability runs and benchmarks: a fresh database (PostgreSQL when one answers at
 * RELIABILITY_PG_URL / 127.0.0.1:5432, else a PGlite folder), migrated and seeded with a small team; the
 * production build started with `next start` (and killed and restarted on demand); session cookies minted with the
 * server's own secret, as next-auth would after a sign-in; and tRPC calls over HTTP.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import superjson from "superjson";
import { openDatabase, type Database } from "@/server/db-client";
import { buildIfStale } from "./build.mjs";
import { killAndWait, mintSessionCookie, nextBaseUrl, ROOT, startNext } from "./next-server";
import { prisma } from "./run.mjs";

export { ROOT };

export interface ScratchDatabase {
  url: string;
  kind: "postgresql" | "pglite";
  open(): Database;
  drop(): Promise<void>;
}

/** A new, migrated, empty database. PostgreSQL when reachable (kill -9 safe), else PGlite. */
export async function scratchDatabase(label: string): Promise<ScratchDatabase> {
  const server = process.env.RELIABILITY_PG_URL ?? "postgresql://postgres:postgres@127.0.0.1:5432/postgres";
  const name = `backplan_${label}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server, connectionTimeoutMillis: 2000 });
  let url: string;
  let kind: ScratchDatabase["kind"];
  let drop: () => Promise<void>;
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${name}`;
    url = u.toString();
    kind = "postgresql";
    drop = async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } catch {
    await admin.end().catch(() => undefined);
    const dir = mkdtempSync(path.join(tmpdir(), `${name}-`));
    url = `pglite:${dir}`;
    kind = "pglite";
    drop = async () => rmSync(dir, { recursive: true, force: true });
  }
  await prisma(["migrate", "deploy"], { cwd: ROOT, env: { DATABASE_URL: url }, stdio: "ignore" });
  return { url, kind, open: () => openDatabase(url), drop };
}

export interface RunningApp {
  baseUrl: string;
  pid(): number | undefined;
  restart(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

const SECRET = `reliability-${randomBytes(16).toString("hex")}`;

/**
 * Builds if needed, then starts `next start` on `port` against `databaseUrl`. `bench`: a benchmark build and server
 * (BACKPLAN_BENCH=1), which also answer the diagnostics routes (app/api/diagnostics/memory).
 */
export async function startApp(args: {
  databaseUrl: string;
  port: number;
  env?: Record<string, string>;
  bench?: boolean;
}): Promise<RunningApp> {
  await buildIfStale(ROOT, { bench: args.bench });
  let child: ChildProcess | undefined;
  const launch = async () => {
    child = await startNext({
      port: args.port,
      databaseUrl: args.databaseUrl,
      secret: SECRET,
      env: args.env,
      bench: args.bench,
      stdio: ["ignore", "ignore", "inherit"],
      readyPath: "/api/auth/csrf",
      timeoutMs: 60_000,
    });
  };
  const kill = (signal: NodeJS.Signals = "SIGKILL") => killAndWait(child, signal);

  await launch();
  return {
    baseUrl: nextBaseUrl(args.port),
    pid: () => child?.pid,
    restart: launch,
    kill,
    stop: () => kill("SIGTERM"),
  };
}

/** The session cookie next-auth sets after signing `user` in (JWT strategy, signed with the server's secret). */
export function sessionCookie(user: { id: string; email: string; name: string }): Promise<string> {
  return mintSessionCookie(SECRET, user);
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`HTTP ${status}: ${body.slice(0, 200)}`);
  }
}

/** Calls a tRPC procedure over HTTP (superjson), as the browser's client does. */
export async function trpc<T>(
  app: { baseUrl: string },
  cookie: string,
  pathName: string,
  input: unknown,
  kind: "query" | "mutation" = "mutation",
): Promise<T> {
  const encoded = superjson.serialize(input);
  const res =
    kind === "mutation"
      ? await fetch(`${app.baseUrl}/api/trpc/${pathName}`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify(encoded),
        })
      : await fetch(`${app.baseUrl}/api/trpc/${pathName}?input=${encodeURIComponent(JSON.stringify(encoded))}`, {
          headers: { cookie },
        });
  const text = await res.text();
  if (!res.ok) throw new HttpError(res.status, text);
  const body = JSON.parse(text) as { result: { data: Parameters<typeof superjson.deserialize>[0] } };
  return superjson.deserialize<T>(body.result.data);
}
