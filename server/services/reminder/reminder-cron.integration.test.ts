/**
 * POST /api/cron/reminders end to end through the route handler: the secret (bearer or header) checked by
 * server/services/reminder/reminder-cron.ts, errors as JSON by server/api/error-mapping.ts, the run's counts.
 * CRON_SECRET is set before env.ts is first read; mail goes to the log (no SMTP_URL), silenced here.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/server/db-client";
import { pinClock } from "@/server/clock";
import { setUpTestDatabase } from "@/tests/setup/integration";

const SECRET = vi.hoisted(() => {
  const secret = "cron-secret-for-tests-0123456789";
  process.env.CRON_SECRET = secret;
  return secret;
});
const { POST, GET } = await import("@/app/api/cron/reminders/route");

const env = setUpTestDatabase({ tree: "each" });
const globalDb = globalThis as { backplanDatabase?: Database };

beforeAll(() => {
  // The route reads the app's database (server/db.ts): this file's test database.
  globalDb.backplanDatabase = env.database;
});
afterAll(() => {
  delete globalDb.backplanDatabase;
});
beforeEach(async () => {
  vi.spyOn(console, "info").mockImplementation(() => undefined);
  // 2026-11-24 18:30 in London, a Tuesday: member A1's 18:00 reminder is due (earlier trees' reminders are off).
  pinClock("2026-11-24T18:30:00Z", { frozen: true });
  await env.db.membership.updateMany({ where: { id: { not: env.t.memberA1.id } }, data: { reminderTime: null } });
  await env.db.membership.update({ where: { id: env.t.memberA1.id }, data: { reminderTime: "18:00" } });
});

const call = (headers: Record<string, string>, method: "POST" | "GET" = "POST") =>
  (method === "POST" ? POST : GET)(new Request("http://localhost/api/cron/reminders", { method, headers }));
const reminded = async () =>
  (await env.db.membership.findUniqueOrThrow({ where: { id: env.t.memberA1.id } })).reminderSentOn;

describe("POST /api/cron/reminders", () => {
  it("refuses a missing or wrong secret with 401 and a JSON error, sending nothing", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Bearer nope" },
      { "x-cron-secret": `${SECRET}x` },
      { authorization: SECRET },
    ];
    for (const headers of attempts) {
      const res = await call(headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: "Missing or wrong cron secret." });
    }
    expect(await reminded()).toBeNull();
  });

  it("sends the due reminders once with the right secret (bearer or header, POST or GET) and reports the run", async () => {
    const first = await call({ authorization: `Bearer ${SECRET}` });
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(await first.json()).toEqual({ sent: 1, failed: 0 });
    expect(await reminded()).not.toBeNull();
    const again = await call({ "x-cron-secret": SECRET }, "GET");
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ sent: 0, failed: 0 });
  });
});
