/**
 * The server's environment, declared and validated in one place (@t3-oss/env-nextjs). Server code reads `env.X`,
 * never `process.env.X`. Validation runs when this module is first imported (a Next server: the first request, or
 * start-up through instrumentation.ts); a bad value fails there with every problem listed.
 *
 * Every variable is optional or has a default, so `next build` (CI, the demo) runs with nothing set; a real
 * deployment sets NEXTAUTH_SECRET, NEXTAUTH_URL, DATABASE_URL and SMTP_URL (README.md).
 *
 * Read elsewhere, on purpose:
 * - `BACKPLAN_NOW`, `BACKPLAN_NOW_SINCE` (and the `BACKPLAN_DEMO` / `BACKPLAN_TEST` exemptions): server/clock.ts, which
 *   also runs in the browser (client components import it), where these server variables cannot be read from here.
 *   Listed below too, so a malformed `BACKPLAN_NOW_SINCE` fails with the rest.
 * - `NODE_ENV` in client components and `NEXT_RUNTIME` in instrumentation.ts: Next replaces them at build time.
 * - next.config.js (`NODE_ENV`, `BACKPLAN_BENCH`): Next's own configuration, loaded before the app.
 * - scripts/, prisma/, tests/ and e2e/: their own processes with their own variables (E2E_*, TEST_DATABASE_URL, …).
 */
import { createEnv } from "@t3-oss/env-nextjs";
import { isIP } from "node:net";
import { z } from "zod";

/** "1" means on; anything else (or unset) off. */
const flag = z
  .string()
  .optional()
  .transform((value) => value === "1");

/** "10.0.0.0/8, 192.168.1.10 fd00::/8" → ["10.0.0.0/8", "192.168.1.10", "fd00::/8"]; each an IP or a CIDR range. */
const ipList = z
  .string()
  .optional()
  .transform((value) => (value ?? "").split(/[\s,]+/).filter(Boolean))
  .refine(
    (entries) =>
      entries.every((entry) => {
        const [ip = "", bits, extra] = entry.split("/");
        const version = isIP(ip);
        if (!version || extra !== undefined) return false;
        if (bits === undefined) return true;
        const n = Number(bits);
        return /^\d+$/.test(bits) && n >= 0 && n <= (version === 4 ? 32 : 128);
      }),
    "list IP addresses or CIDR ranges (10.0.0.0/8, 192.168.1.10, fd00::/8), separated by commas or spaces",
  );

export const env = createEnv({
  server: {
    /** `postgresql://…` (PostgreSQL) or `pglite:<folder>`; unset = PGlite in .data/pglite (prisma/engine/database-url.mjs). */
    DATABASE_URL: z
      .string()
      .regex(/^(postgres(ql)?:\/\/|pglite:)/i, "use postgresql://… or pglite:<folder>")
      .optional(),
    /** PostgreSQL connections per app process. */
    DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
    /**
     * A PostgreSQL streaming replica (`postgresql://…`): the dashboard's and the review's reads go there; the Log,
     * My plan and every write read the primary (server/db-replica.ts, docs/SCALING.md). Unset, or with PGlite: unused.
     */
    DATABASE_REPLICA_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//i, "use postgresql://…")
      .optional(),
    /**
     * The hottest statements (logging, the access check) go as named, prepared statements, planned once a connection
     * (server/queries/prepared.ts). `off` behind a pooler in transaction mode that cannot carry them (PgBouncer
     * before 1.21; docs/SCALING.md).
     */
    DATABASE_PREPARED_STATEMENTS: z.enum(["on", "off"]).default("on"),
    /** Signs the session cookies; shared by every app instance. Without it (development) next-auth makes one up. */
    NEXTAUTH_SECRET: z.string().optional(),
    /** next-auth 5's name for the same secret, accepted too. */
    AUTH_SECRET: z.string().optional(),
    /** The app's public address: links in emails; https:// selects the __Secure- session cookie. */
    NEXTAUTH_URL: z.url().optional(),
    /** Set by Vercel: https is implied there when NEXTAUTH_URL is not set. */
    VERCEL: z.string().optional(),
    /** smtp://user:pass@host:port; unset = emails are written to the server log (server/mail.ts). */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "use smtp://… or smtps://…")
      .optional(),
    EMAIL_FROM: z.string().default("Backplan <no-reply@backplan.local>"),
    /**
     * The reverse proxies / load balancers in front of the app (IPs or CIDR ranges). X-Forwarded-For is believed only
     * as far as these wrote it; unset = never (per-address rate limits off). docs/OPERATIONS.md.
     */
    TRUSTED_PROXIES: ipList,
    /**
     * Web Push (VAPID) keys, from `npx web-push generate-vapid-keys`, and the contact the push services may write to
     * (mailto:… or https://…). Unset = push is off: the profile says so, and queued pushes are skipped
     * (server/services/push/vapid.ts, docs/OPERATIONS.md).
     */
    VAPID_PUBLIC_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{80,100}$/, "the public key printed by `npx web-push generate-vapid-keys`")
      .optional(),
    VAPID_PRIVATE_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{40,50}$/, "the private key printed by `npx web-push generate-vapid-keys`")
      .optional(),
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, "use mailto:you@example.com or https://your.site")
      .optional(),
    /**
     * `on` (default): this server process also runs the background-job worker (server/jobs). `off`: it only enqueues;
     * `npm run worker` runs the jobs (several app instances on PostgreSQL). docs/OPERATIONS.md "Jobs and the worker".
     */
    BACKPLAN_WORKER: z.enum(["on", "off"]).default("on"),
    /** A server of a `BACKPLAN_BENCH=1` build answers the benchmark routes (app/api/bench, app/api/diagnostics). */
    BACKPLAN_BENCH: flag,
    /** Demo mode: demo accounts on the sign-in page; a pinned clock allowed in production. */
    BACKPLAN_DEMO: flag,
    BACKPLAN_TEST: flag,
    BACKPLAN_NOW: z.string().optional(),
    BACKPLAN_NOW_SINCE: z.coerce.number().positive().optional(),
  },
  shared: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  },
  client: {},
  runtimeEnv: {
    DATABASE_URL: process.env.DATABASE_URL,
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE,
    DATABASE_REPLICA_URL: process.env.DATABASE_REPLICA_URL,
    DATABASE_PREPARED_STATEMENTS: process.env.DATABASE_PREPARED_STATEMENTS,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
    AUTH_SECRET: process.env.AUTH_SECRET,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL,
    VERCEL: process.env.VERCEL,
    SMTP_URL: process.env.SMTP_URL,
    EMAIL_FROM: process.env.EMAIL_FROM,
    BACKPLAN_WORKER: process.env.BACKPLAN_WORKER,
    VAPID_PUBLIC_KEY: process.env.VAPID_PUBLIC_KEY,
    VAPID_PRIVATE_KEY: process.env.VAPID_PRIVATE_KEY,
    VAPID_SUBJECT: process.env.VAPID_SUBJECT,
    TRUSTED_PROXIES: process.env.TRUSTED_PROXIES,
    BACKPLAN_BENCH: process.env.BACKPLAN_BENCH,
    BACKPLAN_DEMO: process.env.BACKPLAN_DEMO,
    BACKPLAN_TEST: process.env.BACKPLAN_TEST,
    BACKPLAN_NOW: process.env.BACKPLAN_NOW,
    BACKPLAN_NOW_SINCE: process.env.BACKPLAN_NOW_SINCE,
    NODE_ENV: process.env.NODE_ENV,
  },
  // An empty value is unset (`SMTP_URL=` logs mail).
  emptyStringAsUndefined: true,
});
