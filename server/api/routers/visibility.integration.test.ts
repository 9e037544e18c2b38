/**
 * Visibility across every team procedure, and "never a 500 for user error": ids from another team or
 * another branch are NOT_FOUND whichever team id they are sent with, and malformed input is a 4xx with a
 * clear message, never INTERNAL_SERVER_ERROR, and writes nothing.
 */
import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { callerFor, callerForMember } from "@/tests/caller";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { makeTeam, makeTestTree, makeUser } from "@/tests/factories";

const env = setUpTestDatabase({ tree: "none" });
let a: Awaited<ReturnType<typeof makeTestTree>>;
let b: Awaited<ReturnType<typeof makeTestTree>>;

beforeEach(async () => {
  a = await makeTestTree(env.db);
  b = await makeTestTree(env.db);
});

const as = (membershipId: string) => callerForMember(env.db, membershipId);

/** Every team procedure aimed at `memberId`, sent with `teamId`. */
function teamCalls(caller: Awaited<ReturnType<typeof as>>, teamId: string, memberId: string, otherId: string) {
  return {
    "member.tree": () => caller.member.tree({ teamId, rootId: memberId }),
    "member.move (subject)": () => caller.member.move({ teamId, memberId, newParentId: otherId }),
    "member.move (target)": () => caller.member.move({ teamId, memberId: otherId, newParentId: memberId }),
    "member.remove": () => caller.member.remove({ teamId, memberId }),
    "member.setRole": () => caller.member.setRole({ teamId, memberId, role: "LEADER" }),
    "invite.create": () => caller.invite.create({ teamId, parentId: memberId }),
  };
}

describe("visibility in every team procedure", () => {
  it("the owner of team B cannot reach team A's members, whichever team id they send", async () => {
    const ownerB = await as(b.owner.id);
    for (const teamId of [b.team.id, a.team.id]) {
      for (const [name, call] of Object.entries(teamCalls(ownerB, teamId, a.memberA1.id, b.memberB1.id))) {
        await expect(call(), `${name} with ${teamId === a.team.id ? "team A" : "team B"}`).rejects.toMatchObject({
          code: "NOT_FOUND",
        });
      }
    }
    await expect(ownerB.team.get({ teamId: a.team.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ownerB.invite.list({ teamId: a.team.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const inviteA = await (await as(a.owner.id)).invite.create({ teamId: a.team.id });
    await expect(ownerB.invite.revoke({ teamId: b.team.id, inviteId: inviteA.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("a member cannot read or act on a sibling's subtree", async () => {
    const mia = await as(a.memberA1.id);
    for (const [name, call] of Object.entries(teamCalls(mia, a.team.id, a.memberA2.id, a.memberA1a.id))) {
      await expect(call(), name).rejects.toBeInstanceOf(TRPCError);
      await expect(call(), name).rejects.toMatchObject({ code: expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/) });
    }
    await expect(mia.member.tree({ teamId: a.team.id, rootId: a.memberA2.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("a leader cannot act on the other leader's branch", async () => {
    const leo = await as(a.leaderA.id);
    for (const [name, call] of Object.entries(teamCalls(leo, a.team.id, a.memberB1.id, a.memberA2.id))) {
      await expect(call(), name).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("nothing changed after all those refusals", async () => {
    const ownerB = await as(b.owner.id);
    const before = await env.db.membership.findMany({
      orderBy: { id: "asc" },
      select: { id: true, parentId: true, role: true, status: true },
    });
    for (const call of Object.values(teamCalls(ownerB, a.team.id, a.memberA1.id, b.memberB1.id)))
      await call().catch(() => undefined);
    const after = await env.db.membership.findMany({
      orderBy: { id: "asc" },
      select: { id: true, parentId: true, role: true, status: true },
    });
    expect(after).toEqual(before);
  });
});

describe("user error is never a 500", () => {
  const bad: Array<[string, (c: ReturnType<typeof callerFor>, teamId: string) => Promise<unknown>]> = [
    [
      "team.create with wrong types",
      (c) =>
        c.team.create({ name: 42, currency: null, timeZone: [], weekStartsOn: "mon", workingDays: "all" } as never),
    ],
    [
      "team.create with a 10,000-character name",
      (c) =>
        c.team.create({
          name: "x".repeat(10_000),
          currency: "GBP",
          timeZone: "UTC",
          weekStartsOn: 1,
          workingDays: [1],
        }),
    ],
    [
      "team.create with a weekday of 7",
      (c) => c.team.create({ name: "Team", currency: "GBP", timeZone: "UTC", weekStartsOn: 7, workingDays: [1] }),
    ],
    ["team.get with a malformed id", (c) => c.team.get({ teamId: '\'; DROP TABLE "Team"; --' })],
    ["team.get with an unknown id", (c) => c.team.get({ teamId: "c".repeat(25) })],
    ["member.tree with an unknown root", (c, teamId) => c.member.tree({ teamId, rootId: "nobody" })],
    ["member.tree with depth 0", (c, teamId) => c.member.tree({ teamId, depth: 0 })],
    [
      "member.move to an unknown upline",
      (c, teamId) => c.member.move({ teamId, memberId: a.memberA1.id, newParentId: "nobody" }),
    ],
    [
      "member.move of an unknown member",
      (c, teamId) => c.member.move({ teamId, memberId: "nobody", newParentId: a.leaderB.id }),
    ],
    ["member.move with missing fields", (c, teamId) => c.member.move({ teamId } as never)],
    ["member.remove of the owner", (c, teamId) => c.member.remove({ teamId, memberId: a.owner.id })],
    [
      "member.setRole to OWNER",
      (c, teamId) => c.member.setRole({ teamId, memberId: a.memberA1.id, role: "OWNER" as never }),
    ],
    ["invite.create with maxUses 0", (c, teamId) => c.invite.create({ teamId, maxUses: 0 })],
    ["invite.create under an unknown member", (c, teamId) => c.invite.create({ teamId, parentId: "nobody" })],
    ["invite.revoke of an unknown invite", (c, teamId) => c.invite.revoke({ teamId, inviteId: "nobody" })],
    ["invite.accept of a made-up token", (c) => c.invite.accept({ token: "A".repeat(43) })],
    ["invite.accept of a malformed token", (c) => c.invite.accept({ token: "not a token!" })],
    ["auth.signUp with an empty body", (c) => c.auth.signUp({} as never)],
  ];

  it.each(bad)("%s → a clear 4xx", async (_name, call) => {
    const owner = await as(a.owner.id);
    const before = await env.db.membership.count();
    const error = await call(owner as ReturnType<typeof callerFor>, a.team.id).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    const { code, message } = error as TRPCError;
    expect(code).toMatch(/^(BAD_REQUEST|NOT_FOUND|FORBIDDEN|CONFLICT)$/);
    expect(message).not.toMatch(/Something went wrong|prisma|invalid `|\bat \w+ \(/i);
    expect(message.length).toBeGreaterThan(5);
    expect(await env.db.membership.count()).toBe(before);
  });

  it("a signed-out caller gets UNAUTHORIZED from every signed-in procedure", async () => {
    const anon = callerFor(env.db, null);
    await expect(
      anon.team.create({ name: "T", currency: "GBP", timeZone: "UTC", weekStartsOn: 1, workingDays: [1] }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anon.member.tree({ teamId: a.team.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anon.invite.accept({ token: "A".repeat(43) })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("a user in several teams gets each team's own view", async () => {
    const user = await makeUser(env.db);
    const mine = await makeTeam(env.db, { ownerId: user.id, input: { name: "Mine" } });
    const invite = await (await as(a.leaderA.id)).invite.create({ teamId: a.team.id });
    const caller = callerFor(env.db, user);
    await caller.invite.accept({ token: invite.token });
    expect((await caller.team.list()).map((t) => t.role).sort()).toEqual(["MEMBER", "OWNER"]);
    expect((await caller.member.tree({ teamId: mine.id })).nodes).toHaveLength(1);
    const inA = await caller.member.tree({ teamId: a.team.id });
    expect(inA.nodes).toHaveLength(1);
    expect(inA.upline.map((u) => u.name)).toEqual(["Leo Leader A", "Olivia Owner"]);
  });
});
