/** Round trip of the names-list queries on a real database: every query runs and its decoded rows are checked. */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { likePattern, readListTags, readPeoplePage, readSharedPeople, readStageCounts } from "@/server/queries/person";
import { toDbDay } from "@/server/domain/db-day";
import { makeFunnelMetrics } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "each" });

describe("person queries", () => {
  it("readPeoplePage decodes every column, filters, and pages by (lower(name), id)", async () => {
    const { db, t } = env;
    const m = await makeFunnelMetrics(db, { teamId: t.team.id });
    const base = { teamId: t.team.id, membershipId: t.memberA1.id };
    const zed = randomUUID();
    await db.person.createMany({
      data: [
        {
          ...base,
          id: zed,
          name: "zed 100%",
          phone: "+1 (555) 010-0200",
          email: "zed@example.test",
          handle: "@zed",
          source: "fair",
          tags: ["gym"],
          notes: "n",
          stageMetricId: m.contacts.id,
          nextFollowUp: toDbDay("2027-03-20"),
          sharedWithUpline: true,
        },
        { ...base, id: randomUUID(), name: "Amy", outcome: "LOST" },
        { ...base, id: randomUUID(), name: "bob", archivedAt: new Date("2027-01-01T00:00:00Z") },
      ],
    });
    const all = await readPeoplePage(db, { membershipId: t.memberA1.id, limit: 10 });
    // Tags of the list, archived people left out (bob has none anyway), with their counts.
    expect(await readListTags(db, { membershipId: t.memberA1.id })).toEqual([{ tag: "gym", count: 1 }]);
    expect(await readListTags(db, { membershipId: t.memberA1a.id })).toEqual([]);
    expect(all.map((p) => p.name)).toEqual(["Amy", "zed 100%"]);
    expect(all[1]).toEqual({
      id: zed,
      name: "zed 100%",
      phone: "+1 (555) 010-0200",
      email: "zed@example.test",
      handle: "@zed",
      source: "fair",
      tags: ["gym"],
      stageMetricId: m.contacts.id,
      outcome: null,
      nextFollowUp: "2027-03-20",
      sharedWithUpline: true,
      archived: false,
      sortName: "zed 100%",
    });
    expect(all[0]).toMatchObject({ outcome: "LOST", tags: [], nextFollowUp: null });
    const page = (args: Partial<Parameters<typeof readPeoplePage>[1]>) =>
      readPeoplePage(db, { membershipId: t.memberA1.id, limit: 10, ...args }).then((rows) => rows.map((r) => r.name));
    expect(await page({ archived: true })).toEqual(["bob"]);
    expect(await page({ search: "100%" })).toEqual(["zed 100%"]);
    expect(await page({ search: "5550100" })).toEqual(["zed 100%"]);
    expect(await page({ stage: "LOST" })).toEqual(["Amy"]);
    expect(await page({ stage: m.contacts.id })).toEqual(["zed 100%"]);
    expect(await page({ stage: "none" })).toEqual([]);
    expect(await page({ tag: "gym" })).toEqual(["zed 100%"]);
    expect(await page({ after: { sortName: "amy", id: all[0]!.id } })).toEqual(["zed 100%"]);
    expect(likePattern("a_b%c\\")).toBe("%a\\_b\\%c\\\\%");
  });

  it("readStageCounts counts per member and stage in a subtree; readSharedPeople reads shared people below", async () => {
    const { db, t } = env;
    const m = await makeFunnelMetrics(db, { teamId: t.team.id });
    const a1a = { teamId: t.team.id, membershipId: t.memberA1a.id };
    await db.person.createMany({
      data: [
        { ...a1a, id: randomUUID(), name: "One", stageMetricId: m.contacts.id },
        { ...a1a, id: randomUUID(), name: "Two", stageMetricId: m.contacts.id, sharedWithUpline: true },
        { ...a1a, id: randomUUID(), name: "Three", outcome: "JOINED", stageMetricId: m.sponsors.id },
        { ...a1a, id: randomUUID(), name: "Gone", archivedAt: new Date("2027-01-01T00:00:00Z") },
      ],
    });
    const rows = await readStageCounts(db, { teamId: t.team.id, rootId: t.memberA1.id });
    expect(rows.find((r) => r.membershipId === t.memberA1.id)).toMatchObject({ count: 0, depth: 0 });
    const mine = rows.filter((r) => r.membershipId === t.memberA1a.id);
    expect(mine.map((r) => [r.stageMetricId, r.outcome, r.count]).sort()).toEqual(
      [
        [m.contacts.id, null, 2],
        [m.sponsors.id, "JOINED", 1],
      ].sort(),
    );
    expect(mine[0]).toMatchObject({ parentId: t.memberA1.id, depth: 1 });
    expect(typeof mine[0]!.memberName).toBe("string");

    const shared = await readSharedPeople(db, { teamId: t.team.id, rootId: t.leaderA.id });
    expect(shared).toEqual([
      expect.objectContaining({ name: "Two", stageMetricId: m.contacts.id, outcome: null, ownerId: t.memberA1a.id }),
    ]);
    expect(await readSharedPeople(db, { teamId: t.team.id, rootId: t.memberA1a.id })).toEqual([]);
  });
});
