/**
 * Authority follows the goal (issue 16, side doors 1 and 5). The access matrix asks "may this actor reach the
 * subject?"; this file asks "may this actor reach this GOAL?", for every procedure that takes a goal:
 *
 * - Every procedure whose input has a `goalId` (read from the router, so a new one is covered the moment it is
 *   added) answers NOT_FOUND to anyone `goal.get` answers NOT_FOUND to — here a published goal set for memberA1's
 *   branch, asked by people outside that branch — and answers the people inside it.
 * - Deciding a proposal takes the authority of changing its goal: a leader may decide their downline's proposal on a
 *   goal they may change, not on the owner's team-wide goal (FORBIDDEN, saying who can); the proposals inbox lists
 *   only the proposals the caller may decide.
 */
import { TRPCError } from "@trpc/server";
import { targetTable } from "@/tests/target-table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db-client";
import { callByPath, listProcedures } from "@/tests/router-procedures";
import { createTestDatabase } from "@/tests/setup/test-db";
import { callerForMember } from "@/tests/caller";
import { makeWorld, type Actor, type World } from "./world";

let database: Database;
let w: World;
/** A published goal for memberA1's subtree (memberA1, memberA1a), set and published by leaderA. */
let branchGoal: { id: string; version: number };

beforeAll(async () => {
  database = await createTestDatabase();
  w = await makeWorld(database.db);
  const published = await w
    .callerAs("upline")
    .goal.publish({ teamId: w.team.id, goalId: w.draft.id, version: w.draft.version });
  branchGoal = { id: w.draft.id, version: published.version };
});
afterAll(() => database?.close());

/** The rest of a plausible input for each procedure that takes a goal (the goal and team are added). */
const GOAL_INPUTS: Record<string, (w: World) => Record<string, unknown>> = {
  "goal.get": () => ({}),
  "goal.publish": () => ({ version: branchGoal.version }),
  "goal.previewChange": (w) => ({ change: { kind: "override", membershipId: w.memberA1a.id, personal: 5_000 } }),
  "goal.applyChange": (w) => ({
    version: branchGoal.version,
    change: { kind: "override", membershipId: w.memberA1a.id, personal: 5_000 },
  }),
  "goal.history": () => ({}),
  "goal.proposeNext": () => ({ stretchPercent: 10 }),
  "goal.proposeTarget": () => ({ proposed: 777 }),
  "goal.update": (w) => ({ version: branchGoal.version, name: "Edited", ...w.goalFields }),
  "goal.delete": () => ({ version: branchGoal.version }),
  "goal.archive": () => ({ version: branchGoal.version }),
  "goal.restore": () => ({ version: branchGoal.version }),
  "goal.setMain": () => ({ main: true }),
  "goal.closing": () => ({}),
  "goal.createNext": () => ({}),
  "goal.setFollowTree": () => ({ followTree: false }),
  "goal.previewReplan": (w) => ({ memberId: w.memberA1a.id }),
  "goal.applyReplan": (w) => ({ memberId: w.memberA1a.id, version: branchGoal.version }),
  "dashboard.rollup": () => ({}),
  "dashboard.view": () => ({}),
  "dashboard.search": () => ({ query: "a" }),
  "dashboard.charts": () => ({}),
  "dashboard.leaderboard": () => ({}),
  "dashboard.exportCsv": () => ({}),
  "review.start": () => ({}),
};

/** The procedures whose input (any of its parsers) has a `goalId` field. */
function goalProcedures() {
  return listProcedures().filter((p) =>
    p.inputs.some((parser) => {
      const shape = (parser as unknown as { shape?: Record<string, unknown> }).shape;
      return shape !== undefined && "goalId" in shape;
    }),
  );
}

async function outcome(actor: Actor, path: string): Promise<string> {
  const input = { teamId: w.team.id, goalId: branchGoal.id, ...GOAL_INPUTS[path]!(w) };
  try {
    await callByPath(w.callerAs(actor), path, input);
    return "ok";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `non-tRPC error: ${String(error)}`;
  }
}

describe("goal-level procedures follow goal.get's visibility (side door 5)", () => {
  it("has an input for every procedure that takes a goalId", () => {
    const paths = goalProcedures().map((p) => p.path);
    expect(paths.filter((p) => !(p in GOAL_INPUTS))).toEqual([]);
    expect(Object.keys(GOAL_INPUTS).filter((p) => !paths.includes(p))).toEqual([]);
  });

  it("answers NOT_FOUND, as goal.get does, to everyone outside the goal's branch", async () => {
    const outside: Actor[] = ["member", "sibling", "otherLeader", "outsider"];
    for (const actor of outside) {
      await expect(outcome(actor, "goal.get"), `goal.get as ${actor}`).resolves.toBe("NOT_FOUND");
    }
    const wrong: string[] = [];
    for (const { path } of goalProcedures()) {
      for (const actor of outside) {
        const got = await outcome(actor, path);
        if (got !== "NOT_FOUND") wrong.push(`${path} as ${actor}: ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("still answers the people inside the branch (members with a target; the leader who set the goal)", async () => {
    const memberA1 = await callerForMember(database.db, w.memberA1.id);
    const input = { teamId: w.team.id, goalId: branchGoal.id };
    await expect(memberA1.dashboard.rollup(input)).resolves.toMatchObject({ rootId: w.memberA1.id });
    await expect(memberA1.dashboard.charts(input)).resolves.toBeDefined();
    await expect(memberA1.dashboard.leaderboard(input)).resolves.toMatchObject({ enabled: true });
    await expect(memberA1.dashboard.exportCsv(input)).resolves.toBeDefined();
    // Roles follow the tree: memberA1 (a plain member) sponsors memberA1a, so she runs her branch's review…
    await expect(memberA1.review.start(input)).resolves.toMatchObject({ id: expect.any(String) });
    // …and memberA1a, who sponsors no one, sees the goal but may not run one.
    const memberA1a = await callerForMember(database.db, w.memberA1a.id);
    await expect(memberA1a.dashboard.rollup(input)).resolves.toMatchObject({ rootId: w.memberA1a.id });
    await expect(memberA1a.review.start(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const leaderA = w.callerAs("upline");
    await expect(leaderA.dashboard.rollup({ ...input, rootId: w.memberA1a.id })).resolves.toMatchObject({
      rootId: w.memberA1a.id,
    });
    await expect(leaderA.review.start({ ...input, rootId: w.memberA1.id })).resolves.toMatchObject({
      id: expect.any(String),
    });
  });

  it("lists on the dashboard only the goals the caller may open", async () => {
    const ids = async (actor: Actor) =>
      (await w.callerAs(actor).dashboard.goals({ teamId: w.team.id })).map((g) => g.id).sort();
    expect(await ids("otherLeader")).toEqual([w.goal.id]);
    expect(await ids("sibling")).toEqual([w.goal.id]);
    expect(await ids("upline")).toEqual([w.goal.id, branchGoal.id].sort());
    expect(await ids("owner")).toEqual([w.goal.id, branchGoal.id].sort());
  });
});

describe("deciding a proposal takes the authority of changing its goal (side door 1)", () => {
  const teamId = () => w.team.id;

  it("refuses a leader deciding their downline's proposal on the owner's team-wide goal, and says who can", async () => {
    const targetsBefore = await targetTable(database.db).findMany({
      where: { goalId: w.goal.id },
      select: { membershipId: true, personal: true, team: true },
      orderBy: { membershipId: "asc" },
    });
    await expect(
      w.callerAs("upline").goal.decideProposal({ teamId: teamId(), proposalId: w.proposalId, decision: "ACCEPT" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/team owner/) });
    await expect(
      w.callerAs("upline").goal.decideProposal({ teamId: teamId(), proposalId: w.proposalId, decision: "DECLINE" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Someone who cannot see the proposer still learns nothing.
    await expect(
      w.callerAs("otherLeader").goal.decideProposal({ teamId: teamId(), proposalId: w.proposalId, decision: "ACCEPT" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const targetsAfter = await targetTable(database.db).findMany({
      where: { goalId: w.goal.id },
      select: { membershipId: true, personal: true, team: true },
      orderBy: { membershipId: "asc" },
    });
    expect(targetsAfter).toEqual(targetsBefore);
    const proposal = await database.db.targetProposal.findUniqueOrThrow({ where: { id: w.proposalId } });
    expect(proposal.status).toBe("PENDING");
  });

  it("lets the leader decide a proposal on a goal they may change, and lists only what each caller may decide", async () => {
    const subject = await callerForMember(database.db, w.memberA1a.id);
    const onBranch = await subject.goal.proposeTarget({ teamId: teamId(), goalId: branchGoal.id, proposed: 4_321 });

    const leaderInbox = (await w.callerAs("upline").goal.proposals({ teamId: teamId() })).inbox.map((p) => p.id);
    expect(leaderInbox).toEqual([onBranch.id]);
    const ownerInbox = (await w.callerAs("owner").goal.proposals({ teamId: teamId() })).inbox.map((p) => p.id);
    expect(ownerInbox.sort()).toEqual([onBranch.id, w.proposalId].sort());

    await expect(
      w.callerAs("upline").goal.decideProposal({ teamId: teamId(), proposalId: onBranch.id, decision: "ACCEPT" }),
    ).resolves.toEqual({ status: "ACCEPTED" });
    const target = await targetTable(database.db).findUniqueOrThrow({
      where: { goalId_membershipId: { goalId: branchGoal.id, membershipId: w.memberA1a.id } },
      select: { personal: true },
    });
    expect(target.personal).toBe(4_321);

    await expect(
      w.callerAs("owner").goal.decideProposal({ teamId: teamId(), proposalId: w.proposalId, decision: "ACCEPT" }),
    ).resolves.toEqual({ status: "ACCEPTED" });
  });
});
