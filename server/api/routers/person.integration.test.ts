/**
 * The names list through the router (issue 18), on the real database: the owner of a list adds (idempotently, by
 * the device's id), reads, edits and stages their people; the stages follow the team's funnel; an upline gets
 * NOT_FOUND on a person unless it is shared, and then reads it without contact details and cannot change it; uplines
 * see counts per stage of a branch, never names; a removed member still reads their list, their former upline
 * does not.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { codeOf } from "@/tests/caller";
import { makeFunnelMetrics, makeUser } from "@/tests/factories";
import { setUpTestDatabase, type TestCaller } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "each" });
let m: Awaited<ReturnType<typeof makeFunnelMetrics>>;
const teamId = () => env.t.team.id;

beforeEach(async () => {
  m = await makeFunnelMetrics(env.db, { teamId: teamId() });
});

async function addPeople(caller: TestCaller, names: string[], extra: Record<string, unknown> = {}) {
  const ids: string[] = [];
  for (const name of names) {
    const id = randomUUID();
    await caller.person.add({ teamId: teamId(), id, name, ...extra });
    ids.push(id);
  }
  return ids;
}

describe("person: the owner's list", () => {
  it("adds once per device id, refuses bad input with a 400, and audits the add", async () => {
    const a1a = await env.as(env.t.memberA1a.id);
    const id = randomUUID();
    const first = await a1a.person.add({ teamId: teamId(), id, name: "  Ana Lima ", phone: "+55 11 9999-0000" });
    expect(first).toEqual({ id, name: "Ana Lima", created: true });
    const again = await a1a.person.add({ teamId: teamId(), id, name: "Ana Lima (retry)" });
    expect(again).toEqual({ id, name: "Ana Lima", created: false });
    expect(await env.db.person.count({ where: { membershipId: env.t.memberA1a.id } })).toBe(1);
    expect(await env.db.auditEvent.count({ where: { action: "person.added", subjectId: id } })).toBe(1);

    expect(await codeOf(a1a.person.add({ teamId: teamId(), id: randomUUID(), name: "   " }))).toBe("BAD_REQUEST");
    expect(await codeOf(a1a.person.add({ teamId: teamId(), id: "not-a-uuid", name: "Bo" }))).toBe("BAD_REQUEST");
    expect(
      await codeOf(a1a.person.add({ teamId: teamId(), id: randomUUID(), name: "Bo", email: "not an email" })),
    ).toBe("BAD_REQUEST");
    expect(
      await codeOf(a1a.person.add({ teamId: teamId(), id: randomUUID(), name: "Bo", nextFollowUp: "2027-02-30" })),
    ).toBe("BAD_REQUEST");
    // The same id from someone else: a conflict that names nobody, and their person is untouched.
    const b1 = await env.as(env.t.memberB1.id);
    expect(await codeOf(b1.person.add({ teamId: teamId(), id, name: "Someone" }))).toBe("CONFLICT");
    expect((await a1a.person.get({ teamId: teamId(), personId: id })).name).toBe("Ana Lima");
  });

  it("lists with search (name, email, phone, handle, tag), stage and tag filters, and cursor paging", async () => {
    const a1a = await env.as(env.t.memberA1a.id);
    const [ana, bruno] = await addPeople(a1a, ["Ana Lima", "Bruno Costa"]);
    await a1a.person.update({
      teamId: teamId(),
      personId: ana!,
      email: "ana@example.test",
      handle: "@ana_l",
      tags: ["Gym", "school"],
    });
    await a1a.person.update({ teamId: teamId(), personId: bruno!, phone: "+44 (0)20 7946 0958" });
    await addPeople(a1a, ["Carla", "Dora", "Eve", "Fay"]);
    // Someone else's list is never in mine.
    await addPeople(await env.as(env.t.memberA1.id), ["Ana Other"]);

    const names = async (input: Record<string, unknown>) =>
      (await a1a.person.list({ teamId: teamId(), ...input })).people.map((p) => p.name);
    expect(await names({ search: "ana" })).toEqual(["Ana Lima"]);
    expect(await names({ search: "EXAMPLE.test" })).toEqual(["Ana Lima"]);
    expect(await names({ search: "@ana_" })).toEqual(["Ana Lima"]);
    expect(await names({ search: "7946 0958" })).toEqual(["Bruno Costa"]);
    expect(await names({ search: "79460958" })).toEqual(["Bruno Costa"]);
    expect(await names({ search: "gym" })).toEqual(["Ana Lima"]);
    expect(await names({ search: "%" })).toEqual([]);
    expect(await names({ tag: "SCHOOL" })).toEqual(["Ana Lima"]);

    await a1a.person.setStage({ teamId: teamId(), personId: bruno!, stageMetricId: m.presentations.id });
    expect(await names({ stage: m.presentations.id })).toEqual(["Bruno Costa"]);
    expect(await names({ stage: "none" })).toEqual(["Ana Lima", "Carla", "Dora", "Eve", "Fay"]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { people: { name: string }[]; nextCursor: string | null } = await a1a.person.list({
        teamId: teamId(),
        limit: 4,
        cursor,
      });
      seen.push(...page.people.map((p) => p.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["Ana Lima", "Bruno Costa", "Carla", "Dora", "Eve", "Fay"]);
    expect(await codeOf(a1a.person.list({ teamId: teamId(), cursor: "garbage" }))).toBe("BAD_REQUEST");
  });

  it("tags lists every tag of the caller's own list with its count, however many pages the list has", async () => {
    const a1a = await env.as(env.t.memberA1a.id);
    const ids = await addPeople(a1a, ["Ana", "Bea", "Cai", "Dan"]);
    const tag = (i: number, tags: string[]) => a1a.person.update({ teamId: teamId(), personId: ids[i]!, tags });
    await tag(0, ["gym", "school"]);
    await tag(1, ["gym"]);
    await tag(3, ["zumba"]);
    await a1a.person.archive({ teamId: teamId(), personId: ids[3]! });
    // Someone else's tags are never mine, even an upline's (and they see no tags of mine).
    const a1 = await env.as(env.t.memberA1.id);
    const [other] = await addPeople(a1, ["Other"]);
    await a1.person.update({ teamId: teamId(), personId: other!, tags: ["secret"] });

    expect(await a1a.person.tags({ teamId: teamId() })).toEqual([
      { tag: "gym", count: 2 },
      { tag: "school", count: 1 },
    ]);
    expect(await a1.person.tags({ teamId: teamId() })).toEqual([{ tag: "secret", count: 1 }]);
    expect(await (await env.as(env.t.owner.id)).person.tags({ teamId: teamId() })).toEqual([]);
  });

  it("gives the stages in funnel order with the outcomes after; setStage takes a funnel metric or an outcome", async () => {
    const a1a = await env.as(env.t.memberA1a.id);
    const stages = await a1a.person.stages({ teamId: teamId() });
    expect(stages.stages.map((s) => s.key)).toEqual(["contacts", "presentations", "sponsors"]);
    expect(stages.outcomes.map((o) => o.outcome)).toEqual(["JOINED", "CUSTOMER", "LOST"]);

    const [id] = await addPeople(a1a, ["Gil"]);
    const personId = id!;
    await a1a.person.setStage({ teamId: teamId(), personId, stageMetricId: m.contacts.id });
    expect(await codeOf(a1a.person.setStage({ teamId: teamId(), personId, stageMetricId: m.volume.id }))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(a1a.person.setStage({ teamId: teamId(), personId }))).toBe("BAD_REQUEST");
    const outcome = await a1a.person.setStage({ teamId: teamId(), personId, outcome: "CUSTOMER" });
    expect(outcome).toMatchObject({ stageMetricId: m.contacts.id, outcome: "CUSTOMER" });
    const person = await a1a.person.get({ teamId: teamId(), personId });
    expect(person).toMatchObject({ stageName: "Contacts", outcome: "CUSTOMER", canEdit: true });
    expect(await env.db.auditEvent.count({ where: { action: "person.stage_set", subjectId: personId } })).toBe(2);
  });

  it("updates details, archives and restores; get shows the timeline newest first", async () => {
    const a1a = await env.as(env.t.memberA1a.id);
    const [id] = await addPeople(a1a, ["Hana"]);
    const personId = id!;
    await a1a.person.update({
      teamId: teamId(),
      personId,
      source: "Instagram",
      notes: "Met at the fair.\nLikes tea.",
      nextFollowUp: "2027-03-20",
      sharedWithUpline: true,
    });
    await env.db.personTouch.createMany({
      data: [
        { id: randomUUID(), personId, membershipId: env.t.memberA1a.id, day: new Date("2027-03-01"), note: "first" },
        { id: randomUUID(), personId, membershipId: env.t.memberA1a.id, day: new Date("2027-03-10"), note: "second" },
      ],
    });
    const person = await a1a.person.get({ teamId: teamId(), personId });
    expect(person).toMatchObject({ source: "Instagram", nextFollowUp: "2027-03-20", sharedWithUpline: true });
    expect(person.timeline.map((t) => t.note)).toEqual(["second", "first"]);
    await a1a.person.update({ teamId: teamId(), personId, nextFollowUp: null, source: "" });
    expect(await a1a.person.get({ teamId: teamId(), personId })).toMatchObject({ nextFollowUp: null, source: null });

    await a1a.person.archive({ teamId: teamId(), personId });
    expect((await a1a.person.list({ teamId: teamId() })).people).toEqual([]);
    expect((await a1a.person.list({ teamId: teamId(), archived: true })).people.map((p) => p.id)).toEqual([personId]);
    await a1a.person.restore({ teamId: teamId(), personId });
    expect((await a1a.person.list({ teamId: teamId() })).people.map((p) => p.id)).toEqual([personId]);
  });
});

describe("person: privacy", () => {
  it("an upline gets NOT_FOUND on a person unless shared, then reads it without contact details, never edits", async () => {
    const a1a = await env.as(env.t.memberA1a.id);
    const [privateId, sharedId] = await addPeople(a1a, ["Private Pia", "Shared Sam"], {
      phone: "+1 555 0100",
      email: "p@example.test",
    });
    await a1a.person.update({ teamId: teamId(), personId: sharedId!, sharedWithUpline: true });
    const ref = (personId: string) => ({ teamId: teamId(), personId });

    for (const id of [env.t.memberA1.id, env.t.leaderA.id, env.t.owner.id]) {
      const upline = await env.as(id);
      expect(await codeOf(upline.person.get(ref(privateId!)))).toBe("NOT_FOUND");
      expect(await codeOf(upline.person.update({ ...ref(privateId!), name: "x" }))).toBe("NOT_FOUND");
      const shared = await upline.person.get(ref(sharedId!));
      expect(shared).toMatchObject({ name: "Shared Sam", phone: null, email: null, canEdit: false });
      expect(await codeOf(upline.person.update({ ...ref(sharedId!), name: "x" }))).toBe("FORBIDDEN");
      expect(await codeOf(upline.person.setStage({ ...ref(sharedId!), outcome: "LOST" }))).toBe("FORBIDDEN");
      expect(await codeOf(upline.person.archive(ref(sharedId!)))).toBe("FORBIDDEN");
      // Their own list does not hold the downline's people.
      expect((await upline.person.list({ teamId: teamId() })).people).toEqual([]);
    }
    const shared = await (await env.as(env.t.leaderA.id)).person.sharedWithMe({ teamId: teamId() });
    expect(shared).toEqual([
      {
        id: sharedId,
        name: "Shared Sam",
        stageMetricId: null,
        outcome: null,
        owner: expect.objectContaining({ id: env.t.memberA1a.id }),
      },
    ]);
    // Beside or below: not even a shared person.
    for (const id of [env.t.memberA2.id, env.t.leaderB.id, env.t.memberB1.id]) {
      const other = await env.as(id);
      expect(await codeOf(other.person.get(ref(sharedId!)))).toBe("NOT_FOUND");
      expect(await other.person.sharedWithMe({ teamId: teamId() })).toEqual([]);
    }
    const nothingChanged = await a1a.person.get(ref(sharedId!));
    expect(nothingChanged).toMatchObject({ name: "Shared Sam", phone: "+1 555 0100", outcome: null });
  });

  it("stageCounts gives a branch's counts per stage, no names; NOT_FOUND outside the caller's view", async () => {
    const a1a = await env.as(env.t.memberA1a.id);
    const a1 = await env.as(env.t.memberA1.id);
    const [p1, p2] = await addPeople(a1a, ["Secret One", "Secret Two", "Secret Three"]);
    await a1a.person.setStage({ teamId: teamId(), personId: p1!, stageMetricId: m.presentations.id });
    await a1a.person.setStage({ teamId: teamId(), personId: p2!, outcome: "JOINED" });
    await addPeople(a1, ["A1's own"]);

    const leaderA = await env.as(env.t.leaderA.id);
    const counts = await leaderA.person.stageCounts({ teamId: teamId(), rootId: env.t.memberA1.id });
    expect(JSON.stringify(counts)).not.toMatch(/Secret|A1's own/);
    const byMember = new Map(counts.members.map((row) => [row.membershipId, row]));
    expect(byMember.get(env.t.memberA1a.id)).toMatchObject({
      total: 3,
      byStage: { [m.presentations.id]: 1, JOINED: 1, none: 1 },
    });
    expect(byMember.get(env.t.memberA1.id)).toMatchObject({ total: 1, byStage: { none: 1 } });
    expect(counts.stages.map((s) => s.key)).toEqual(["contacts", "presentations", "sponsors"]);

    const leaderB = await env.as(env.t.leaderB.id);
    expect(await codeOf(leaderB.person.stageCounts({ teamId: teamId(), rootId: env.t.memberA1.id }))).toBe("NOT_FOUND");
    expect(await codeOf(a1a.person.stageCounts({ teamId: teamId(), rootId: env.t.memberA1.id }))).toBe("NOT_FOUND");
  });

  it("a removed member still reads their list; their former upline and the owner do not, even shared people", async () => {
    const a1a = await env.as(env.t.memberA1a.id);
    const [mine, shared] = await addPeople(a1a, ["Kept Kim", "Shared Sue"]);
    await a1a.person.update({ teamId: teamId(), personId: shared!, sharedWithUpline: true });
    const owner = await env.as(env.t.owner.id);
    await owner.member.remove({ teamId: teamId(), memberId: env.t.memberA1a.id });

    expect((await a1a.person.list({ teamId: teamId() })).people.map((p) => p.name)).toEqual(["Kept Kim", "Shared Sue"]);
    expect(await a1a.person.get({ teamId: teamId(), personId: mine! })).toMatchObject({ name: "Kept Kim" });
    // Reading only: the team is no longer theirs to add to.
    expect(await codeOf(a1a.person.update({ teamId: teamId(), personId: mine!, name: "x" }))).toBe("NOT_FOUND");
    expect(await codeOf(a1a.person.add({ teamId: teamId(), id: randomUUID(), name: "New" }))).toBe("NOT_FOUND");

    for (const id of [env.t.memberA1.id, env.t.leaderA.id, env.t.owner.id]) {
      const upline = await env.as(id);
      expect(await codeOf(upline.person.get({ teamId: teamId(), personId: shared! }))).toBe("NOT_FOUND");
      expect(await upline.person.sharedWithMe({ teamId: teamId() })).toEqual([]);
    }
    // Someone never in the team: NOT_FOUND, as for any team.
    const stranger = await makeUser(env.db, { name: "Stranger" });
    const outsider = env.caller({ id: stranger.id, email: stranger.email, name: stranger.name });
    expect(await codeOf(outsider.person.list({ teamId: teamId() }))).toBe("NOT_FOUND");
  });
});
