import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db-client";
import { startOfPeriod } from "@/server/domain/calendar";
import { teamToday } from "@/server/services/plan/team-today";
import { callerForMember } from "@/tests/caller";
import { addDailyTotal, makeMetric, makeTestTree } from "@/tests/factories";
import { createTestDatabase } from "@/tests/setup/test-db";

let database: Database;
let t: Awaited<ReturnType<typeof makeTestTree>>;
let owner: Awaited<ReturnType<typeof callerForMember>>;
let leader: Awaited<ReturnType<typeof callerForMember>>;
let member: Awaited<ReturnType<typeof callerForMember>>;

beforeAll(async () => {
  database = await createTestDatabase();
  t = await makeTestTree(database.db);
  owner = await callerForMember(database.db, t.owner.id);
  leader = await callerForMember(database.db, t.leaderA.id);
  member = await callerForMember(database.db, t.memberA1.id);
});
afterAll(() => database.close());

const teamId = () => t.team.id;

describe("rank router", () => {
  it("saves ranks in order, edits one and refuses a taken position", async () => {
    const bronze = await owner.rank.save({ teamId: teamId(), name: "Bronze", position: 0, personalVolume: 10_000, teamVolume: 50_000, personallySponsored: 1, monthlyIncome: 20_000 });
    await owner.rank.save({ teamId: teamId(), name: "Silver", position: 1, personalVolume: 10_000, teamVolume: 200_000, personallySponsored: 2, qualifiedLegs: 1, monthlyIncome: 80_000 });
    await expect(owner.rank.save({ teamId: teamId(), name: "Copper", position: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Silver"),
    });
    await owner.rank.save({ teamId: teamId(), rankId: bronze.id, name: "Bronze", position: 0, personalVolume: 10_000, teamVolume: 60_000, personallySponsored: 1, monthlyIncome: 20_000 });
    const ranks = await member.rank.list({ teamId: teamId() });
    expect(ranks.map((r) => [r.name, r.teamVolume])).toEqual([
      ["Bronze", 60_000],
      ["Silver", 200_000],
    ]);
  });

  it("shows a member's standing this month and the gap to the next rank", async () => {
    const db = database.db;
    const volume = await makeMetric(db, { teamId: teamId(), key: "team_volume", kind: "RESULT", unit: "MONEY" });
    const sponsors = await makeMetric(db, { teamId: teamId(), key: "sponsors", kind: "RESULT" });
    const team = await db.team.findUniqueOrThrow({ where: { id: teamId() }, select: { timeZone: true } });
    const day = startOfPeriod(teamToday(team), "month");
    const log = (membershipId: string, metricId: string, total: number) => addDailyTotal(db, { teamId: teamId(), membershipId, metricId, day, total });
    await log(t.memberA1.id, volume.id, 15_000);
    await log(t.memberA1a.id, volume.id, 60_000); // a qualified leg on its own
    await log(t.memberA1.id, sponsors.id, 1);

    const mine = await member.rank.progress({ teamId: teamId() });
    expect(mine.standing).toEqual({ personalVolume: 15_000, teamVolume: 75_000, personallySponsored: 1, qualifiedLegs: 1 });
    expect(mine.current?.name).toBe("Bronze");
    expect(mine.next?.name).toBe("Silver");
    expect(mine.gap).toEqual({ personalVolume: 0, teamVolume: 125_000, personallySponsored: 1, qualifiedLegs: 0 });

    // The leader above sees it; a member cannot see someone outside their downline.
    expect((await leader.rank.progress({ teamId: teamId(), membershipId: t.memberA1.id })).standing?.teamVolume).toBe(75_000);
    await expect(member.rank.progress({ teamId: teamId(), membershipId: t.memberA2.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets only the owner save or delete ranks", async () => {
    const [bronze] = await owner.rank.list({ teamId: teamId() });
    await expect(leader.rank.save({ teamId: teamId(), name: "Tin", position: 9 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(member.rank.delete({ teamId: teamId(), rankId: bronze!.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await owner.rank.delete({ teamId: teamId(), rankId: bronze!.id });
    expect((await owner.rank.list({ teamId: teamId() })).map((r) => r.name)).toEqual(["Silver"]);
    await expect(owner.rank.delete({ teamId: teamId(), rankId: bronze!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
