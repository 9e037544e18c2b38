/**
 * Taps with a person (issue 18), through the router on a real database: a tap naming a person of the member's own
 * list links them once (even when the offline queue sends it twice) and moves them forward in the funnel, never back;
 * undo (deleting the entry) removes the link and puts the stage back to what the remaining touches say; someone
 * else's person is NOT_FOUND and stores nothing; logging without a person costs no extra query, with one costs one.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { makeFunnelMetrics } from "@/tests/factories";
import { countingClient } from "@/tests/query-counter";
import { callerForMember, codeOf } from "@/tests/caller";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "each" });
let m: Awaited<ReturnType<typeof makeFunnelMetrics>>;
const teamId = () => env.t.team.id;

beforeEach(async () => {
  m = await makeFunnelMetrics(env.db, { teamId: teamId() });
});

async function person(membershipId: string, name = "Sam", stageMetricId: string | null = null) {
  const id = randomUUID();
  await env.db.person.create({ data: { id, teamId: teamId(), membershipId, name, stageMetricId } });
  return id;
}
const stageOf = async (id: string) =>
  (await env.db.person.findUniqueOrThrow({ where: { id }, select: { stageMetricId: true } })).stageMetricId;

describe("entry.log with a person", () => {
  it("links the tap once, even when the same batch is sent twice, and moves the person forward", async () => {
    const me = await env.as(env.t.memberA1.id);
    const sam = await person(env.t.memberA1.id);
    const entry = { id: randomUUID(), metricId: m.presentations.id, amount: 1, personId: sam, touchId: randomUUID() };
    const first = await me.entry.log({ teamId: teamId(), entries: [entry] });
    const again = await me.entry.log({ teamId: teamId(), entries: [entry] });
    expect(first.results[0]!.status).toBe("created");
    expect(again.results[0]!.status).toBe("duplicate");
    const touches = await env.db.personTouch.findMany({ where: { personId: sam } });
    expect(touches).toHaveLength(1);
    expect(touches[0]).toMatchObject({
      id: entry.touchId,
      entryId: entry.id,
      metricId: m.presentations.id,
      membershipId: env.t.memberA1.id,
    });
    expect(await stageOf(sam)).toBe(m.presentations.id);
  });

  it("never moves a person back: a contact after a presentation keeps them at the presentation", async () => {
    const me = await env.as(env.t.memberA1.id);
    const sam = await person(env.t.memberA1.id, "Sam", m.presentations.id);
    await me.entry.log({
      teamId: teamId(),
      entries: [{ id: randomUUID(), metricId: m.contacts.id, amount: 1, personId: sam }],
    });
    expect(await stageOf(sam)).toBe(m.presentations.id);
    expect(await env.db.personTouch.count({ where: { personId: sam } })).toBe(1);
    // A batch with a contact and a sponsor for the same person ends at the furthest (the sponsor).
    await me.entry.log({
      teamId: teamId(),
      entries: [
        { id: randomUUID(), metricId: m.sponsors.id, amount: 1, personId: sam },
        { id: randomUUID(), metricId: m.contacts.id, amount: 1, personId: sam },
      ],
    });
    expect(await stageOf(sam)).toBe(m.sponsors.id);
    // Money is never a stage: a tap of team volume goes on the timeline only.
    await me.entry.log({
      teamId: teamId(),
      entries: [{ id: randomUUID(), metricId: m.volume.id, amount: 500, personId: sam }],
    });
    expect(await stageOf(sam)).toBe(m.sponsors.id);
    expect(await env.db.personTouch.count({ where: { personId: sam } })).toBe(4);
  });

  it("undo removes the link and puts the stage back to what the remaining touches say", async () => {
    const me = await env.as(env.t.memberA1.id);
    const sam = await person(env.t.memberA1.id);
    const contact = randomUUID();
    const presentation = randomUUID();
    await me.entry.log({
      teamId: teamId(),
      entries: [{ id: contact, metricId: m.contacts.id, amount: 1, personId: sam }],
    });
    await me.entry.log({
      teamId: teamId(),
      entries: [{ id: presentation, metricId: m.presentations.id, amount: 1, personId: sam }],
    });
    expect(await stageOf(sam)).toBe(m.presentations.id);
    await me.entry.delete({ teamId: teamId(), entryId: presentation });
    expect(await stageOf(sam)).toBe(m.contacts.id);
    expect(await env.db.personTouch.findMany({ where: { personId: sam }, select: { entryId: true } })).toEqual([
      { entryId: contact },
    ]);
    await me.entry.delete({ teamId: teamId(), entryId: contact });
    expect(await stageOf(sam)).toBeNull();
    expect(await env.db.personTouch.count({ where: { personId: sam } })).toBe(0);
  });

  it("undo leaves a stage set by hand further down the funnel", async () => {
    const me = await env.as(env.t.memberA1.id);
    const sam = await person(env.t.memberA1.id);
    const contact = randomUUID();
    await me.entry.log({
      teamId: teamId(),
      entries: [{ id: contact, metricId: m.contacts.id, amount: 1, personId: sam }],
    });
    await env.db.person.update({ where: { id: sam }, data: { stageMetricId: m.sponsors.id } });
    await me.entry.delete({ teamId: teamId(), entryId: contact });
    expect(await stageOf(sam)).toBe(m.sponsors.id);
  });

  it("refuses someone else's person (NOT_FOUND) even though the entry itself is allowed, and stores nothing", async () => {
    const me = await env.as(env.t.memberA1.id);
    const uplines = await person(env.t.leaderA.id, "Leader's Sam");
    const shared = await person(env.t.memberA1a.id, "Downline's Sam");
    await env.db.person.update({ where: { id: shared }, data: { sharedWithUpline: true } });
    for (const personId of [uplines, shared, randomUUID()]) {
      const id = randomUUID();
      expect(
        await codeOf(
          me.entry.log({ teamId: teamId(), entries: [{ id, metricId: m.contacts.id, amount: 1, personId }] }),
        ),
      ).toBe("NOT_FOUND");
      expect(await env.db.entry.count({ where: { id } })).toBe(0);
    }
    expect(await env.db.personTouch.count({ where: { personId: { in: [uplines, shared] } } })).toBe(0);
    expect(await stageOf(uplines)).toBeNull();
  });

  it("costs no extra query without a person, and one with a person", async () => {
    const sam = await person(env.t.memberA1.id);
    const counter = countingClient(env.db);
    const caller = await callerForMember(counter.db, env.t.memberA1.id);
    await caller.entry.log({ teamId: teamId(), entries: [{ id: randomUUID(), metricId: m.contacts.id, amount: 1 }] });
    counter.reset();
    await caller.entry.log({ teamId: teamId(), entries: [{ id: randomUUID(), metricId: m.contacts.id, amount: 1 }] });
    const without = counter.count();
    counter.reset();
    await caller.entry.log({
      teamId: teamId(),
      entries: [{ id: randomUUID(), metricId: m.contacts.id, amount: 1, personId: sam }],
    });
    expect(counter.count()).toBe(without + 1);
    expect(without).toBe(2);
  });
});

describe("who was it? after the tap", () => {
  it("re-sending the stored entry with its person links it then, once", async () => {
    const me = await env.as(env.t.memberA1.id);
    const sam = await person(env.t.memberA1.id);
    const entry = { id: randomUUID(), metricId: m.presentations.id, amount: 1 };
    await me.entry.log({ teamId: teamId(), entries: [entry] });
    expect(await stageOf(sam)).toBeNull();
    for (let i = 0; i < 2; i++) {
      const again = await me.entry.log({ teamId: teamId(), entries: [{ ...entry, personId: sam }] });
      expect(again.results[0]!.status).toBe("duplicate");
    }
    expect(await env.db.personTouch.count({ where: { personId: sam } })).toBe(1);
    expect(await stageOf(sam)).toBe(m.presentations.id);
    // A deleted entry is never linked afterwards.
    const other = randomUUID();
    await me.entry.log({ teamId: teamId(), entries: [{ id: other, metricId: m.contacts.id, amount: 1 }] });
    await me.entry.delete({ teamId: teamId(), entryId: other });
    await me.entry.log({
      teamId: teamId(),
      entries: [{ id: other, metricId: m.contacts.id, amount: 1, personId: sam }],
    });
    expect(await env.db.personTouch.count({ where: { personId: sam } })).toBe(1);
  });
});

describe("follow-ups on the Log", () => {
  it("lists a follow-up due today first, counts the overdue, and drops one touched today", async () => {
    const me = await env.as(env.t.memberA1.id);
    const day = await me.entry.day({ teamId: teamId() });
    const today = day.today;
    const mk = async (name: string, next: string) => {
      const id = await person(env.t.memberA1.id, name);
      await env.db.person.update({ where: { id }, data: { nextFollowUp: new Date(`${next}T00:00:00.000Z`) } });
      return id;
    };
    const { addDays } = await import("@/server/domain/calendar");
    const sam = await mk("Sam", today);
    await mk("Ann", addDays(today, -3));
    await mk("Bob", addDays(today, -1));
    await mk("Later", addDays(today, 2));
    // Someone else's due person never shows.
    const theirs = await person(env.t.memberA2.id, "Not mine");
    await env.db.person.update({ where: { id: theirs }, data: { nextFollowUp: new Date(`${today}T00:00:00.000Z`) } });

    const log = await me.entry.day({ teamId: teamId() });
    expect(log.people.followUps.items.map((i) => i.name)).toEqual(["Sam", "Bob", "Ann"]);
    expect(log.people.followUps).toMatchObject({ dueToday: 1, overdue: 2 });
    expect(log.people.whoWasIt[0]).toMatchObject({ id: sam, due: true });
    expect(log.people.whoWasIt.map((p) => p.name)).not.toContain("Not mine");

    // A tap with Sam today: done for today, not offered twice.
    await me.entry.log({
      teamId: teamId(),
      entries: [{ id: randomUUID(), metricId: m.contacts.id, amount: 1, personId: sam }],
    });
    const after = await me.entry.day({ teamId: teamId() });
    expect(after.people.followUps.items.map((i) => i.name)).toEqual(["Bob", "Ann"]);
    expect(after.people.followUps.dueToday).toBe(0);
  });
});
