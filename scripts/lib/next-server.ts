/**
 * `next start` of the production build as a child process, for reliability runs and the HTTP benchmarks: the
 * environment every run needs (production mode, the session secret and URL, no telemetry), a wait until a given
 * path answers (failing fast if the server exits), and the session cookie next-auth would set after a sign-in
 * (JWT strategy, signed with the server's secret; the non-__Secure name used on plain http).
 */
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import path from "node:path";
import { encodeSessionToken } from "@/server/auth/session-token";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface NextStartOptions {
  port: number;
  databaseUrl: string;
  secret: string;
  /** Extra environment (after the defaults). */
  env?: Record<string, string>;
  /** A benchmark build's server (BACKPLAN_BENCH=1): it answers the `*.bench.ts` routes (scripts/lib/build.mjs). */
  bench?: boolean;
  /** Extra node flags for the server process (e.g. --cpu-prof). */
  nodeArgs?: string[];
  stdio: StdioOptions;
  /** A path that answers 2xx once the server is ready. */
  readyPath: string;
  timeoutMs: number;
  /** Added to start-up errors (e.g. where the server's log is). */
  hint?: string;
}

export const nextBaseUrl = (port: number) => `http://127.0.0.1:${port}`;

/** Starts `next start` on loopback and resolves once `readyPath` answers; rejects if it exits or times out. */
export async function startNext(options: NextStartOptions): Promise<ChildProcess> {
  const base = nextBaseUrl(options.port);
  const hint = options.hint ? `; ${options.hint}` : "";
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      "node_modules/next/dist/bin/next",
      "start",
      "-p",
      String(options.port),
      "-H",
      "127.0.0.1",
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ...options.env,
        NODE_ENV: "production",
        DATABASE_URL: options.databaseUrl,
        NEXTAUTH_SECRET: options.secret,
        NEXTAUTH_URL: base,
        NEXT_TELEMETRY_DISABLED: "1",
        BACKPLAN_BENCH: options.bench ? "1" : "",
      },
      stdio: options.stdio,
    },
  );
  const deadline = performance.now() + options.timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}${hint}`);
    try {
      if ((await fetch(`${base}${options.readyPath}`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`next start did not answer within ${Math.round(options.timeoutMs / 1000)} s${hint}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sends `signal` and resolves when the process has exited (at once if it already has). */
export async function killAndWait(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill(signal);
  await exited;
}

/** next-auth's session cookie on plain http (the __Secure- name is for https). */
export const SESSION_COOKIE = "next-auth.session-token";

/**
 * The session cookie next-auth sets after signing `user` in (`name=token`), minted with the server's secret by the
 * app's own encoder (server/auth/session-token.ts: next-auth's format, stamped by server/clock.ts). Used by the
 * benchmarks, the reliability runs and the e2e fixtures (e2e/session.ts).
 */
export async function mintSessionCookie(
  secret: string,
  user: { id: string; email: string; name: string },
  maxAgeSeconds = 24 * 3600,
): Promise<string> {
  const token = await encodeSessionToken({
    token: { sub: user.id, email: user.email, name: user.name },
    secret,
    maxAge: maxAgeSeconds,
  });
  return `${SESSION_COOKIE}=${token}`;
}
