/**
 * The access matrix's third axis (issue 16): for random trees and random (actor, object) pairs, every object-scoped
 * procedure answers what the written permission model says (tests/access/permission-model.ts, the table of
 * docs/RELIABILITY.md §1 "Permission model").
 *
 * Each run builds a fresh team in the file's one database (never mocked): 4–12 members, one owner at the root,
 * random uplines (so random depth) and roles, and whether uplines may change entries. For each pair the objects are
 * made through the real procedures (an entry, a goal rooted at the object, a proposal, a review, an invite, a day
 * off), then the actor calls every procedure through the real router (`createCaller`). A refused write must leave
 * every row of every table as it was (tests/db-checksum.ts). Finally a few structural writes (role, move, removal),
 * the model re-read from the database after each one that succeeds.
 *
 * A mismatch prints the tree, the actor, the object, the procedure, expected and actual; the run fails.
 */
import { randomUUID } from "node:crypto";
import { targetTable } from "@/tests/target-table";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { teamToday } from "@/server/clock";
import { toDbDay } from "@/server/domain/db-day";
import { callerFor, callerForMember } from "@/tests/caller";
import { databaseChecksum } from "@/tests/db-checksum";
import { addMember, makeFunnelMetrics, makeTeam, makeUser } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import {
  oracle,
  relation,
  leadsBranch,
  renderPermissionTable,
  subtree,
  type Outcome,
  type TreeModel,
  type TreeNode,
} from "./permission-model";

const env = setUpTestDatabase({ tree: "none" });

const TREES = Number(process.env.ORACLE_TREES ?? 20);
const PAIRS_PER_TREE = 6;
const STRUCTURAL_PER_TREE = 3;
const MAX_EXTRA = 11; // members besides the owner

type Caller = Awaited<ReturnType<typeof callerForMember>>;

interface PairSpec {
  actor: number;
  object: number;
  x: number;
  y: number;
  accept: boolean;
}

const pairArb = fc.record({ actor: fc.nat(), object: fc.nat(), x: fc.nat(), y: fc.nat(), accept: fc.boolean() });
const treeArb = fc.record({
  size: fc.integer({ min: 4, max: MAX_EXTRA + 1 }),
  parents: fc.array(fc.nat(), { minLength: MAX_EXTRA + 1, maxLength: MAX_EXTRA + 1 }),
  leaders: fc.array(fc.boolean(), { minLength: MAX_EXTRA + 1, maxLength: MAX_EXTRA + 1 }),
  uplineEdits: fc.boolean(),
  sponsorsLead: fc.boolean(),
  pairs: fc.array(pairArb, { minLength: PAIRS_PER_TREE, maxLength: PAIRS_PER_TREE }),
  structural: fc.array(pairArb, { minLength: STRUCTURAL_PER_TREE, maxLength: STRUCTURAL_PER_TREE }),
});
type TreeSpecValue = {
  size: number;
  parents: number[];
  leaders: boolean[];
  uplineEdits: boolean;
  sponsorsLead: boolean;
  pairs: PairSpec[];
  structural: PairSpec[];
};

const stats = { trees: 0, pairs: 0, calls: 0, writesRefused: 0, outcomes: {} as Record<string, number> };
const relationsSeen = new Set<string>();

/** Returned by a call whose answer refused a row (and wrote nothing): the outcome "ROW_ERROR". */
const ROW_ERROR = Symbol("ROW_ERROR");

async function outcomeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    return (await fn()) === ROW_ERROR ? "ROW_ERROR" : "ok";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `non-tRPC error: ${String(error)}`;
  }
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function runTree(spec: TreeSpecValue, mismatches: string[]): Promise<void> {
  const db = env.db;
  const ownerUser = await makeUser(db, { name: "Owner" });
  const team = await makeTeam(db, { ownerId: ownerUser.id, input: { name: "Oracle team" } });
  const teamId = team.id;
  await db.team.update({
    where: { id: teamId },
    data: { uplineCanEditEntries: spec.uplineEdits, sponsorsLeadBranches: spec.sponsorsLead },
  });
  const ids: string[] = [team.membershipId];
  const label = new Map<string, string>([[team.membershipId, "n0"]]);
  for (let i = 1; i < spec.size; i++) {
    const m = await addMember(db, {
      teamId,
      parentId: ids[spec.parents[i]! % i]!,
      role: spec.leaders[i] ? "LEADER" : "MEMBER",
      name: `n${i}`,
    });
    ids.push(m.id);
    label.set(m.id, `n${i}`);
  }
  const metrics = await makeFunnelMetrics(db, { teamId });
  const teamRow = await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { timeZone: true } });
  const today = teamToday(teamRow);
  const start = `${today.slice(0, 8)}01`;
  const deadline = `${Number(today.slice(0, 4)) + 1}-01-31`;
  const callers = new Map<string, Caller>();
  const as = async (id: string) => {
    let c = callers.get(id);
    if (!c) callers.set(id, (c = await callerForMember(db, id)));
    return c;
  };
  const owner = await as(team.membershipId);

  const loadModel = async (): Promise<TreeModel> => {
    const rows = await db.membership.findMany({
      where: { teamId, status: "ACTIVE" },
      select: { id: true, parentId: true, role: true },
    });
    return {
      nodes: new Map(rows.map((r) => [r.id, r as TreeNode])),
      uplineCanEditEntries: spec.uplineEdits,
      sponsorsLead: spec.sponsorsLead,
    };
  };
  let t = await loadModel();
  const show = (id: string) => `${label.get(id)}(${t.nodes.get(id)?.role ?? "removed"})`;
  const describeTree = () =>
    [...t.nodes.values()].map((n) => `${show(n.id)}→${n.parentId ? label.get(n.parentId) : "root"}`).join(", ") +
    `; uplineCanEditEntries=${t.uplineCanEditEntries}, sponsorsLeadBranches=${t.sponsorsLead}`;

  const check = async (
    procedure: string,
    who: { actor: string; object: string; extra?: string },
    expected: Outcome,
    call: () => Promise<unknown>,
    write: boolean,
    /** A planning CONFLICT comes after the policy (the service's own check): the call was let through. */
    conflictIsPast = false,
  ) => {
    const before = write && expected !== "ok" ? await databaseChecksum(db) : undefined;
    let actual = await outcomeOf(call);
    if (conflictIsPast && actual === "CONFLICT") actual = "ok";
    stats.calls++;
    stats.outcomes[expected] = (stats.outcomes[expected] ?? 0) + 1;
    relationsSeen.add(relation(t, who.actor, who.object));
    const context = () =>
      `tree: ${describeTree()}\n  actor: ${show(who.actor)} (${relation(t, who.actor, who.object)}${leadsBranch(t, who.actor) ? ", leads a branch" : ""}), object: ${show(who.object)}${who.extra ? `, ${who.extra}` : ""}`;
    if (actual !== expected) {
      mismatches.push(`${procedure}: expected ${expected}, got ${actual}\n  ${context()}`);
    } else if (before !== undefined) {
      stats.writesRefused++;
      if ((await databaseChecksum(db)) !== before) mismatches.push(`${procedure}: refused but wrote\n  ${context()}`);
    }
    return actual;
  };

  // Objects made once per tree: a published goal per root (by the owner), a review per root (on the team goal).
  const goals = new Map<string, string>();
  const goalFor = async (root: string) => {
    let id = goals.get(root);
    if (id) return id;
    const goal = await owner.goal.create({
      teamId,
      name: `Goal of ${label.get(root)}`,
      metricId: metrics.volume.id,
      target: 1_000_000,
      startDate: start,
      deadline,
      rootMembershipId: root,
      publish: true,
    });
    id = goal.id;
    goals.set(root, id);
    const targets = await targetTable(db).findMany({ where: { goalId: id }, select: { membershipId: true } });
    const got = targets.map((x) => x.membershipId).sort();
    const want = subtree(t, root).sort();
    if (JSON.stringify(got) !== JSON.stringify(want))
      mismatches.push(
        `model: the targets of a goal rooted at ${show(root)} are not its subtree\n  tree: ${describeTree()}`,
      );
    return id;
  };
  const reviews = new Map<string, { id: string; closed: boolean }>();
  const reviewFor = async (root: string) => {
    let r = reviews.get(root);
    if (r) return r;
    const started = await owner.review.start({ teamId, goalId: await goalFor(team.membershipId), rootId: root });
    r = { id: started.id, closed: false };
    reviews.set(root, r);
    return r;
  };
  let dayCursor = `${Number(today.slice(0, 4)) + 1}-02-01`;
  let counter = 0;

  for (const p of spec.pairs) {
    stats.pairs++;
    const A = ids[p.actor % ids.length]!;
    const O = ids[p.object % ids.length]!;
    const X = ids[p.x % ids.length]!;
    const a = await as(A);
    const who = { actor: A, object: O };
    counter++;

    // A member.
    await check("member.tree", who, oracle.memberRead(t, A, O), () => a.member.tree({ teamId, rootId: O }), false);
    await check(
      "entry.list",
      who,
      oracle.memberRead(t, A, O),
      () => a.entry.list({ teamId, membershipId: O, from: today, to: today }),
      false,
    );
    await check(
      "rank.progress",
      who,
      oracle.memberRead(t, A, O),
      () => a.rank.progress({ teamId, membershipId: O }),
      false,
    );

    // An entry of O.
    const entryId = randomUUID();
    await (await as(O)).entry.log({ teamId, entries: [{ id: entryId, metricId: metrics.contacts.id, amount: 2 }] });
    await check("entry.history", who, oracle.entryRead(t, A, O), () => a.entry.history({ teamId, entryId }), false);
    await check(
      "entry.update",
      who,
      oracle.entryChange(t, A, O),
      () => a.entry.update({ teamId, entryId, amount: 3 }),
      true,
    );
    await check("entry.delete", who, oracle.entryChange(t, A, O), () => a.entry.delete({ teamId, entryId }), true);

    // A published goal rooted at O.
    const goalId = await goalFor(O);
    const xWho = { ...who, extra: `rootId: ${show(X)}` };
    await check("goal.get", who, oracle.goalView(t, A, O), () => a.goal.get({ teamId, goalId }), false);
    await check(
      "dashboard.exportCsv",
      who,
      oracle.goalView(t, A, O),
      () => a.dashboard.exportCsv({ teamId, goalId }),
      false,
    );
    await check(
      "dashboard.rollup",
      xWho,
      oracle.goalSubtreeRead(t, A, O, X),
      () => a.dashboard.rollup({ teamId, goalId, rootId: X }),
      false,
    );
    await check(
      "dashboard.view",
      xWho,
      oracle.goalSubtreeRead(t, A, O, X),
      () => a.dashboard.view({ teamId, goalId, rootId: X }),
      false,
    );
    await check(
      "dashboard.search",
      xWho,
      oracle.goalSubtreeRead(t, A, O, X),
      () => a.dashboard.search({ teamId, goalId, rootId: X, query: "e" }),
      false,
    );
    await check(
      "dashboard.charts",
      xWho,
      oracle.goalSubtreeRead(t, A, O, X),
      () => a.dashboard.charts({ teamId, goalId, rootId: X }),
      false,
    );
    await check(
      "goal.previewChange",
      who,
      oracle.goalChange(t, A, O),
      () => a.goal.previewChange({ teamId, goalId, change: { kind: "target", target: 2_000_000 } }),
      false,
    );
    const { version } = await db.goal.findUniqueOrThrow({ where: { id: goalId }, select: { version: true } });
    await check(
      "goal.applyChange",
      who,
      oracle.goalChange(t, A, O),
      () => a.goal.applyChange({ teamId, goalId, version, change: { kind: "target", target: 1_000_000 + counter } }),
      true,
    );
    await check(
      "goal.proposeTarget",
      who,
      oracle.goalPropose(t, A, O),
      () => a.goal.proposeTarget({ teamId, goalId, proposed: 1_000 + counter }),
      true,
    );
    await check(
      "review.start",
      xWho,
      oracle.reviewStart(t, A, O, X),
      () => a.review.start({ teamId, goalId, rootId: X }),
      true,
    );

    // A proposal by P (someone with a target in the goal rooted at O), decided by A.
    const inGoal = subtree(t, O);
    const P = inGoal[p.y % inGoal.length]!;
    const proposal = await (await as(P)).goal.proposeTarget({ teamId, goalId, proposed: 500 + counter });
    await check(
      "goal.decideProposal",
      { actor: A, object: P, extra: `goal rooted at ${show(O)}, ${p.accept ? "ACCEPT" : "DECLINE"}` },
      oracle.proposalDecide(t, A, P, O),
      () => a.goal.decideProposal({ teamId, proposalId: proposal.id, decision: p.accept ? "ACCEPT" : "DECLINE" }),
      true,
      true,
    );

    // A weekly review rooted at O (on the team goal), a commitment for X in it, then closing it.
    const review = await reviewFor(O);
    await check(
      "review.get",
      who,
      oracle.reviewRead(t, A, O),
      () => a.review.get({ teamId, reviewId: review.id }),
      false,
    );
    await check(
      "review.saveCommitment",
      { actor: A, object: X, extra: `review rooted at ${show(O)}${review.closed ? " (closed)" : ""}` },
      oracle.commitment(t, A, O, X, review.closed),
      () => a.review.saveCommitment({ teamId, reviewId: review.id, memberId: X, text: "Ten calls a day" }),
      true,
    );
    if (p.accept) {
      const closed = await check(
        "review.close",
        { ...who, extra: review.closed ? "closed" : "open" },
        oracle.reviewClose(t, A, O, review.closed),
        () => a.review.close({ teamId, reviewId: review.id }),
        true,
      );
      if (closed === "ok") review.closed = true;
    }

    // An invite created by O.
    const invite = await (await as(O)).invite.create({ teamId });
    await check(
      "invite.revoke",
      who,
      oracle.inviteRevoke(t, A, O),
      () => a.invite.revoke({ teamId, inviteId: invite.id }),
      true,
    );

    // An import by A: a new person under X, and a second under the first (their invitation waits for the first's).
    const [first, second] = [await makeUser(db, { name: "First" }), await makeUser(db, { name: "Second" })];
    const importWho = { actor: A, object: X, extra: `importing ${first.email} under ${show(X)}, then one under them` };
    const xEmail = (await db.membership.findUniqueOrThrow({ where: { id: X }, select: { user: true } })).user.email;
    const csv = ["name,email,upline email", `First,${first.email},${xEmail}`, `Second,${second.email},${first.email}`];
    const imported = await check(
      "member.import",
      importWho,
      oracle.memberImport(t, A, X),
      async () => {
        const r = await a.member.import({ teamId, csv: csv.join("\n"), commit: true });
        if (!r.committed) return ROW_ERROR;
        return r;
      },
      true,
    );
    if (imported === "ok") {
      const [firstInvite, secondInvite] = await Promise.all(
        [first, second].map((u) =>
          db.invite.findFirstOrThrow({
            where: { teamId, email: u.email },
            select: { id: true, parentId: true, createdById: true, afterInviteId: true },
          }),
        ),
      );
      if (
        firstInvite!.parentId !== X ||
        firstInvite!.createdById !== A ||
        secondInvite!.afterInviteId !== firstInvite!.id
      )
        mismatches.push(`member.import: invitations not as imported\n  tree: ${describeTree()}`);
      // Nobody in the team answers someone else's invitation; the invited person does.
      const R = ids[p.y % ids.length]!;
      if (t.nodes.has(R)) {
        const r = await as(R);
        const rWho = { actor: R, object: A, extra: `invitation to ${first.email} by ${show(A)}` };
        await check(
          "invite.acceptInvitation",
          rWho,
          oracle.invitationAnswer(t, R, A),
          () => r.invite.acceptInvitation({ inviteId: firstInvite!.id }),
          true,
        );
        await check(
          "invite.declineInvitation",
          rWho,
          oracle.invitationAnswer(t, R, A),
          () => r.invite.declineInvitation({ inviteId: firstInvite!.id }),
          true,
        );
      }
      const secondCaller = callerFor(db, second);
      const early = await outcomeOf(() => secondCaller.invite.acceptInvitation({ inviteId: secondInvite!.id }));
      if (early !== "FORBIDDEN") mismatches.push(`a waiting invitation answered ${early}\n  tree: ${describeTree()}`);
      await callerFor(db, first).invite.declineInvitation({ inviteId: firstInvite!.id });
      const opened = await db.invite.findUniqueOrThrow({ where: { id: secondInvite!.id } });
      if (opened.afterInviteId !== null || opened.parentId !== X)
        mismatches.push(`a declined upline invitation did not open the waiting one under ${show(X)}`);
      // Revoking the imported invitation: its creator (A) or the owner.
      const rv = await as(R);
      await check(
        "invite.revoke",
        { actor: R, object: A, extra: "an imported invitation" },
        oracle.inviteRevoke(t, R, A),
        () => rv.invite.revoke({ teamId, inviteId: secondInvite!.id }),
        true,
      );
    }

    // A day off of O (a weekday of next year).
    while ([0, 6].includes(new Date(`${dayCursor}T00:00:00Z`).getUTCDay())) dayCursor = addDays(dayCursor, 1);
    const day = dayCursor;
    dayCursor = addDays(dayCursor, 1);
    await (await as(O)).calendar.addDayOff({ teamId, from: day, to: day, kind: "SICK" });
    const dayOff = await db.memberDayOff.findFirstOrThrow({
      where: { membershipId: O, day: toDbDay(day) },
      select: { id: true },
    });
    await check(
      "calendar.removeDayOff",
      who,
      oracle.dayOffRemove(t, A, O),
      () => a.calendar.removeDayOff({ teamId, dayOffId: dayOff.id }),
      true,
    );
  }

  // Structural writes last: each success changes the tree, so the model is read again.
  for (const p of spec.structural) {
    const active = [...t.nodes.keys()];
    const A = active[p.actor % active.length]!;
    const O = active[p.object % active.length]!;
    const X = active[p.x % active.length]!;
    const a = await as(A);
    const who = { actor: A, object: O };
    const kind = p.y % 3;
    let got: string;
    if (kind === 0) {
      const role = t.nodes.get(O)!.role === "MEMBER" ? "LEADER" : "MEMBER";
      got = await check(
        `member.setRole → ${role}`,
        who,
        oracle.memberManage(t, A, O),
        () => a.member.setRole({ teamId, memberId: O, role }),
        true,
      );
    } else if (kind === 1) {
      got = await check(
        "member.move",
        { ...who, extra: `new upline ${show(X)}` },
        oracle.memberMove(t, A, O, X),
        () => a.member.move({ teamId, memberId: O, newParentId: X }),
        true,
      );
    } else {
      got = await check(
        "member.remove",
        who,
        oracle.memberManage(t, A, O),
        () => a.member.remove({ teamId, memberId: O }),
        true,
      );
    }
    if (got === "ok") t = await loadModel();
  }
  stats.trees++;
}

describe("every object-scoped procedure answers as the written permission model says", () => {
  it("docs/RELIABILITY.md holds the model's table, as the oracle has it", () => {
    const doc = readFileSync(new URL("../../docs/RELIABILITY.md", import.meta.url), "utf8");
    const squash = (s: string) =>
      s
        .replace(/[ \t]+/g, " ")
        .replace(/ ?\| ?/g, "|")
        .replace(/-{3,}/g, "---");
    expect(squash(doc)).toContain(squash(renderPermissionTable()));
  });

  it("on random trees, for random (actor, object) pairs", async () => {
    const started = performance.now();
    const mismatches: string[] = [];
    await fc.assert(
      fc.asyncProperty(treeArb, async (spec) => {
        await runTree(spec, mismatches);
        if (mismatches.length > 0) {
          for (const m of mismatches) console.error(`permission mismatch — ${m}`);
          throw new Error(`${mismatches.length} mismatch(es):\n${mismatches.join("\n")}`);
        }
      }),
      { numRuns: TREES, endOnFailure: true },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(
      `permission oracle: ${stats.trees} trees, ${stats.pairs} pairs (+${stats.trees * STRUCTURAL_PER_TREE} structural), ` +
        `${stats.calls} calls (${JSON.stringify(stats.outcomes)}), ${stats.writesRefused} refused writes checksummed, ` +
        `relations seen: ${[...relationsSeen].sort().join(", ")}; ${seconds} s`,
    );
    expect(mismatches).toEqual([]);
  }, 600_000);
});
