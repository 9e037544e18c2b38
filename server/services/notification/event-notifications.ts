/**
 * The notifications of the team's events (issue 20), each made by notify() inside the event's own transaction (a
 * rolled-back event leaves none) and once per dedupe key (a retried request never doubles one). Titles and bodies
 * are plain sentences; links are in-app paths under the team's slug (an old slug still leads to the team).
 *
 * | event                          | to                                                         | dedupe key                       |
 * | ------------------------------ | ---------------------------------------------------------- | -------------------------------- |
 * | a proposal waits for a decision| the nearest decider (`findProposalDecider`)               | proposal:<proposalId>            |
 * | a proposal decided             | its author                                                 | proposal-decided:<proposalId>    |
 * | a cheer on a victory           | the victory's member (not when cheering one's own)         | cheer:<victoryId>:<cheererId>    |
 * | a weekly review started        | every active member of the review's subtree but the starter| review:<reviewId>                |
 * | a recruit joined               | the upline they land under                                 | recruit:<membershipId>:<inviteId>|
 */
import type { DbClient } from "@/server/db-client";
import * as clock from "@/server/clock";
import { findProposalDecider } from "@/server/queries/notification";
import { notify, notifySubtree } from "./notify";

/** The plan page's proposals card (its heading's id, components/plan/proposals-inbox.tsx). */
export const proposalsUrl = (slug: string) => `/${slug}/plan#proposals-heading`;

async function nameOf(db: DbClient, membershipId: string): Promise<string> {
  const m = await db.membership.findUnique({
    where: { id: membershipId },
    select: { user: { select: { name: true } } },
  });
  return m?.user.name ?? "Someone";
}

/**
 * A new proposal waits for its decider. The proposals it replaced (withdrawn in the same transaction) no longer wait:
 * their notifications are marked read, so the bell counts the live one only.
 */
export async function notifyProposalWaiting(
  tx: DbClient,
  args: {
    team: { id: string; slug: string };
    proposal: { id: string; membershipId: string };
    goal: { name: string; rootMembershipId: string };
    withdrawnIds: readonly string[];
  },
) {
  const { team, proposal, goal } = args;
  if (args.withdrawnIds.length > 0) {
    await tx.notification.updateMany({
      where: { teamId: team.id, dedupeKey: { in: args.withdrawnIds.map((id) => `proposal:${id}`) }, readAt: null },
      data: { readAt: clock.now() },
    });
  }
  const decider = await findProposalDecider(tx, {
    teamId: team.id,
    goalRootId: goal.rootMembershipId,
    proposerId: proposal.membershipId,
  });
  if (!decider) return null;
  const who = await nameOf(tx, proposal.membershipId);
  return notify(tx, {
    userId: decider.userId,
    teamId: team.id,
    kind: "PROPOSAL_WAITING",
    title: `${who} proposed a different target`,
    body: `${who} proposed a new personal target for "${goal.name}". It waits for your decision.`,
    url: proposalsUrl(team.slug),
    dedupeKey: `proposal:${proposal.id}`,
  });
}

/** A proposal was accepted or declined: its author hears it; the decider's "waiting" notification is settled. */
export async function notifyProposalDecided(
  tx: DbClient,
  args: {
    team: { id: string; slug: string };
    deciderId: string;
    proposal: { id: string; membershipId: string; goalId: string };
    status: "ACCEPTED" | "DECLINED";
    note: string | null;
  },
) {
  const { team, proposal } = args;
  await tx.notification.updateMany({
    where: { teamId: team.id, dedupeKey: `proposal:${proposal.id}`, readAt: null },
    data: { readAt: clock.now() },
  });
  const author = await tx.membership.findUnique({
    where: { id: proposal.membershipId },
    select: { userId: true, status: true },
  });
  if (!author || author.status !== "ACTIVE") return null;
  const goal = await tx.goal.findUnique({ where: { id: proposal.goalId }, select: { name: true } });
  const who = await nameOf(tx, args.deciderId);
  const verb = args.status === "ACCEPTED" ? "accepted" : "declined";
  const note = args.note ? ` Their note: "${args.note}"` : "";
  return notify(tx, {
    userId: author.userId,
    teamId: team.id,
    kind: "PROPOSAL_DECIDED",
    title: `Your proposal was ${verb}`,
    body: `${who} ${verb} your proposed target for "${goal?.name ?? "the goal"}".${note}`,
    url: proposalsUrl(team.slug),
    dedupeKey: `proposal-decided:${proposal.id}`,
  });
}

/** Someone cheered a victory: its member hears it once per cheerer (never for cheering one's own). */
export async function notifyCheer(
  tx: DbClient,
  args: { team: { id: string; slug: string }; cheererId: string; victoryId: string },
) {
  const victory = await tx.victory.findUnique({
    where: { id: args.victoryId },
    select: { title: true, membershipId: true, membership: { select: { userId: true, status: true } } },
  });
  if (!victory || victory.membershipId === args.cheererId || victory.membership.status !== "ACTIVE") return null;
  const who = await nameOf(tx, args.cheererId);
  return notify(tx, {
    userId: victory.membership.userId,
    teamId: args.team.id,
    kind: "CHEER",
    title: `${who} cheered your victory`,
    body: `${who} cheered "${victory.title}".`,
    url: `/${args.team.slug}/dashboard#victories-heading`,
    dedupeKey: `cheer:${args.victoryId}:${args.cheererId}`,
  });
}

/** A weekly review started: everyone active in its subtree but the starter hears it, in ONE statement. */
export async function notifyReviewStarted(
  tx: DbClient,
  args: {
    team: { id: string; slug: string };
    starterId: string;
    reviewId: string;
    rootId: string;
    goalName: string;
    week: { from: string; to: string };
  },
) {
  const who = await nameOf(tx, args.starterId);
  return notifySubtree(tx, {
    rootId: args.rootId,
    exceptMembershipId: args.starterId,
    content: {
      teamId: args.team.id,
      kind: "REVIEW_STARTED",
      title: `${who} started the weekly review`,
      body: `The review of "${args.goalName}" for the week ${args.week.from} to ${args.week.to} is open. Add your commitment for next week.`,
      url: `/${args.team.slug}/review/${args.reviewId}`,
      dedupeKey: `review:${args.reviewId}`,
    },
  });
}

/** A recruit joined (or rejoined) the team: the upline they landed under hears it. */
export async function notifyRecruitJoined(
  tx: DbClient,
  args: {
    team: { id: string; slug: string };
    membershipId: string;
    parentId: string;
    inviteId: string;
    rejoined: boolean;
  },
) {
  const upline = await tx.membership.findUnique({
    where: { id: args.parentId },
    select: { userId: true, status: true },
  });
  if (!upline || upline.status !== "ACTIVE") return null;
  const who = await nameOf(tx, args.membershipId);
  return notify(tx, {
    userId: upline.userId,
    teamId: args.team.id,
    kind: "RECRUIT_JOINED",
    title: args.rejoined ? `${who} rejoined under you` : `${who} joined under you`,
    body: args.rejoined
      ? `${who} is back in the team, in your downline. Welcome them back.`
      : `${who} accepted an invite and is now in your downline. Say hello and help them plan their first week.`,
    url: `/${args.team.slug}/team`,
    dedupeKey: `recruit:${args.membershipId}:${args.inviteId}`,
  });
}
