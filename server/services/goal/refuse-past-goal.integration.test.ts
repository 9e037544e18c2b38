/**
 * A goal entirely in the past (its deadline before the team's today) is refused when it is created and when a
 * draft is published, with a message naming the dates; a goal ending today is still accepted. Through the router,
 * whose "today" is `teamToday` of the pinned clock.
 */
import { describe, expect, it } from "vitest";
import { targetTable } from "@/tests/target-table";
import { addDays } from "@/server/domain/calendar";
import { teamToday } from "@/server/clock";
import { atInstant } from "@/tests/clock";
import { makeMetric } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { toIsoDay } from "@/server/domain/db-day";

const env = setUpTestDatabase({ tree: "each" });

describe("a goal entirely in the past", () => {
  it("is refused at create and at publish; one that ends today is accepted", async () => {
    const db = env.db;
    const t = env.t;
    const metric = await makeMetric(db, { teamId: t.team.id, key: "calls", name: "Calls" });
    const today = teamToday(await db.team.findUniqueOrThrow({ where: { id: t.team.id }, select: { timeZone: true } }));
    const owner = await env.as(t.owner.id);
    const input = (startDate: string, deadline: string, publish: boolean) => ({
      teamId: t.team.id,
      name: "Calls push",
      metricId: metric.id,
      target: 400,
      startDate,
      deadline,
      curve: "LINEAR" as const,
      checkpoints: [],
      publish,
    });
    const yesterday = addDays(today, -1);
    const refusal = {
      code: "BAD_REQUEST",
      message: expect.stringContaining(`ended on ${yesterday}, before today (${today})`),
    };

    // Created (as a draft or published): refused, and nothing is written.
    await expect(owner.goal.create(input(addDays(today, -40), yesterday, true))).rejects.toMatchObject(refusal);
    await expect(owner.goal.create(input(addDays(today, -40), yesterday, false))).rejects.toMatchObject(refusal);
    expect(await db.goal.count({ where: { teamId: t.team.id } })).toBe(0);

    // A draft made while its dates were ahead cannot be published once they are over.
    const draft = await atInstant(`${addDays(today, -45)}T12:00:00Z`, () =>
      owner.goal.create(input(addDays(today, -40), yesterday, false)),
    );
    await expect(
      owner.goal.publish({ teamId: t.team.id, goalId: draft.id, version: draft.version }),
    ).rejects.toMatchObject(refusal);
    expect(await targetTable(db).count({ where: { goalId: draft.id } })).toBe(0);
    expect((await db.goal.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true } })).status).toBe(
      "DRAFT",
    );

    // Ending today still leaves today to plan.
    const lastDay = await owner.goal.create(input(addDays(today, -20), today, true));
    expect(lastDay.status).toBe("PUBLISHED");

    // Nor can a published goal's deadline be moved into the past, in the preview or when applied.
    const moveBack = { kind: "deadline" as const, deadline: yesterday };
    await expect(
      owner.goal.previewChange({ teamId: t.team.id, goalId: lastDay.id, change: moveBack }),
    ).rejects.toMatchObject(refusal);
    await expect(
      owner.goal.applyChange({ teamId: t.team.id, goalId: lastDay.id, version: lastDay.version, change: moveBack }),
    ).rejects.toMatchObject(refusal);
    expect(
      toIsoDay((await db.goal.findUniqueOrThrow({ where: { id: lastDay.id }, select: { deadline: true } })).deadline),
    ).toBe(today);
  });
});
