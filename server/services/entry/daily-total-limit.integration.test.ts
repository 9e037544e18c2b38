/**
 * A day's total is stored in a 32-bit integer column (DailyTotal.total). Amounts that would take it past the largest
 * amount the app stores are refused with a clear message, entry by entry (the others of the batch are stored), and an
 * edit that would is a 400 — never an internal error, never a wrapped-around total.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_ENTRY_AMOUNT, MAX_STORED_AMOUNT } from "@/server/domain/money";
import { addDays } from "@/server/domain/calendar";
import { toDbDay, toIsoDay } from "@/server/domain/db-day";
import * as clock from "@/server/clock";
import { makeMetric } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "each" });

async function dayTotal(membershipId: string, metricId: string, day: string): Promise<number> {
  const row = await env.db.dailyTotal.findUnique({
    where: { membershipId_metricId_day: { membershipId, metricId, day: toDbDay(day) } },
  });
  return row?.total ?? 0;
}

describe("a day's total never overflows", () => {
  it("entry.log refuses the entries that would take the day past the largest stored amount, stores the rest", async () => {
    const { t } = env;
    const metric = await makeMetric(env.db, { teamId: t.team.id, name: "Volume", unit: "MONEY" });
    const other = await makeMetric(env.db, { teamId: t.team.id, name: "Calls" });
    const member = await env.as(t.memberA1.id);
    const today = toIsoDay(clock.now());
    const fits = MAX_STORED_AMOUNT / MAX_ENTRY_AMOUNT;
    const entries = [
      ...Array.from({ length: 200 - 1 }, () => ({ id: randomUUID(), metricId: metric.id, amount: MAX_ENTRY_AMOUNT })),
      { id: randomUUID(), metricId: other.id, amount: 3 },
    ];
    const result = await member.entry.log({ teamId: t.team.id, entries });
    expect(result.created).toBe(fits + 1);
    const rejected = result.results.filter((r) => r.status === "rejected");
    expect(rejected).toHaveLength(entries.length - fits - 1);
    expect(rejected[0]).toMatchObject({ message: expect.stringMatching(/Volume.*too large/) as unknown });
    expect(await dayTotal(t.memberA1.id, metric.id, today)).toBe(MAX_STORED_AMOUNT);
    expect(await dayTotal(t.memberA1.id, other.id, today)).toBe(3);
    expect(await env.db.entry.count({ where: { metricId: metric.id } })).toBe(fits);

    // The day is full: one more unit is refused; a retry of a stored entry is still a duplicate, not refused.
    const more = await member.entry.log({
      teamId: t.team.id,
      entries: [
        { id: randomUUID(), metricId: metric.id, amount: 1 },
        { ...entries[0]!, amount: MAX_ENTRY_AMOUNT },
      ],
    });
    expect(more.results.map((r) => r.status)).toEqual(["rejected", "duplicate"]);
    expect(await dayTotal(t.memberA1.id, metric.id, today)).toBe(MAX_STORED_AMOUNT);
  });

  it("entry.update refuses an amount or a day that would take a day past the largest stored amount", async () => {
    const { t } = env;
    const metric = await makeMetric(env.db, { teamId: t.team.id, name: "Volume", unit: "MONEY" });
    const member = await env.as(t.memberA1.id);
    const today = toIsoDay(clock.now());
    const yesterday = addDays(today, -1);
    const full = Array.from({ length: MAX_STORED_AMOUNT / MAX_ENTRY_AMOUNT }, () => ({
      id: randomUUID(),
      metricId: metric.id,
      amount: MAX_ENTRY_AMOUNT,
    }));
    full[0]!.amount = MAX_ENTRY_AMOUNT - 10;
    expect((await member.entry.log({ teamId: t.team.id, entries: full })).created).toBe(full.length);
    const small = { id: randomUUID(), metricId: metric.id, amount: 5, day: yesterday };
    expect((await member.entry.log({ teamId: t.team.id, entries: [small] })).created).toBe(1);

    const raise = member.entry.update({ teamId: t.team.id, entryId: full[0]!.id, amount: MAX_ENTRY_AMOUNT });
    await expect(raise).resolves.toMatchObject({ amount: MAX_ENTRY_AMOUNT });
    await expect(member.entry.update({ teamId: t.team.id, entryId: small.id, day: today })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/too large/) as unknown,
    });
    expect(await dayTotal(t.memberA1.id, metric.id, today)).toBe(MAX_STORED_AMOUNT);
    expect(await dayTotal(t.memberA1.id, metric.id, yesterday)).toBe(5);
  });
});
