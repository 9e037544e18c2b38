import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/server/db-client";
import type { Mail } from "@/server/mail";
import { createTestDatabase } from "@/tests/setup/test-db";
import { makeTestTree } from "@/tests/factories";
import { handleReminderCron } from "./reminder-cron";

let database: Database;
let t: Awaited<ReturnType<typeof makeTestTree>>;
const sent: Mail[] = [];
const mailer = (mail: Mail) => {
  sent.push(mail);
  return Promise.resolve();
};
// 2026-11-24 18:30 in London.
const now = new Date("2026-11-24T18:30:00Z");
const SECRET = "cron-secret-for-tests-0123456789";
const call = (headers: Record<string, string>, secret: string | undefined = SECRET) =>
  handleReminderCron(new Request("http://localhost/api/cron/reminders", { method: "POST", headers }), { db: database.db, secret, now, mailer });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  sent.length = 0;
  await database.db.membership.updateMany({ data: { reminderTime: null } });
  t = await makeTestTree(database.db);
  await database.db.membership.update({ where: { id: t.memberA1.id }, data: { reminderTime: "18:00" } });
});

describe("POST /api/cron/reminders (handleReminderCron)", () => {
  it("is closed without CRON_SECRET and refuses a missing or wrong secret, sending nothing", async () => {
    const closed = await call({ authorization: `Bearer ${SECRET}` }, "");
    expect(closed.status).toBe(503);
    expect(((await closed.json()) as { error: string }).error).toContain("CRON_SECRET");
    expect((await call({})).status).toBe(401);
    expect((await call({ authorization: "Bearer nope" })).status).toBe(401);
    expect((await call({ "x-cron-secret": `${SECRET}x` })).status).toBe(401);
    expect(sent).toEqual([]);
    expect((await database.db.membership.findUniqueOrThrow({ where: { id: t.memberA1.id } })).reminderSentOn).toBeNull();
  });

  it("sends the due reminders once with the right secret (bearer or header) and reports the run", async () => {
    const email = (await database.db.membership.findUniqueOrThrow({ where: { id: t.memberA1.id }, select: { user: { select: { email: true } } } })).user.email;
    const first = await call({ authorization: `Bearer ${SECRET}` });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ sent: 1, failed: 0 });
    expect(sent.map((m) => m.to)).toEqual([email]);
    const again = await call({ "x-cron-secret": SECRET });
    expect(await again.json()).toEqual({ sent: 0, failed: 0 });
    expect(sent).toHaveLength(1);
  });
});
