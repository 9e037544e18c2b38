/**
 * The access matrix, generated from the router itself: every tRPC procedure is called as each of seven actors
 * (anonymous, outsider, member elsewhere in the tree, sibling of the data, its upline, a leader of another branch,
 * the owner) with input aimed at data in another member's subtree (tests/access/world.ts). The expected outcome of
 * every cell is declared once per procedure below; a procedure without a declaration fails the test.
 *
 * For each cell: an allowed call must succeed and its response must not contain the id of anyone the actor may not
 * see; a refused call must be UNAUTHORIZED / FORBIDDEN / NOT_FOUND and — for mutations — leave every table exactly
 * as it was (a checksum of all rows). Allowed mutations aimed at the subject run on a fresh world each, so one
 * actor's success cannot hide another's refusal.
 */
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db-client";
import {
  NOBODY,
  OWNER_ONLY,
  PUBLIC,
  SIGNED_IN,
  SUBJECT_MANAGER,
  SUBJECT_VIEWER,
  TEAM_LEADERS,
  TEAM_MEMBER,
  type Outcome,
  type Policy,
} from "@/tests/access/policies";
import { ACTORS, makeWorld, type Actor, type World } from "@/tests/access/world";
import { databaseChecksum } from "@/tests/db-checksum";
import { callByPath, listProcedures } from "@/tests/router-procedures";
import { createTestDatabase } from "@/tests/setup/test-db";
import { DEFAULT_PASSWORD } from "@/tests/factories";

interface Declaration {
  policy: Policy;
  input: (w: World) => unknown;
  /**
   * "self": the call acts on the caller's own things (their entries, account, teams), so allowed calls share one
   * world. Otherwise an allowed mutation runs on a fresh world.
   */
  scope?: "self";
  /** Why a response may name people outside the caller's subtree (a disclosure the team opted into). */
  disclosesTeam?: string;
}

const team = (w: World) => ({ teamId: w.team.id });

/** Who may see the leaderA review: the people who see leaderA's subtree. */
const UPLINE_AND_OWNER = SUBJECT_VIEWER;
/**
 * Changes to a published goal are made by whoever manages the goal's root (here the owner's team goal): a leader
 * below adjusts their own people by setting a goal for their subtree, so two leaders never fight over one split.
 * Deciding a member's proposal rewrites the goal's targets, so it takes the same authority (docs/PLANNING.md): the
 * proposal here is memberA1a's on the owner's team goal, so leaderA (upline) is refused too. Whose GOAL a procedure
 * reaches — every procedure taking a goalId, on a goal outside the caller's branch — is checked by
 * tests/access/goal-authority.integration.test.ts.
 */
const GOAL_ROOT_MANAGER = OWNER_ONLY;
/** Anyone may open an account link; one nobody was sent answers "not valid" and changes nothing. */
const ACCOUNT_LINK: Policy = {
  anonymous: "ok-unchanged",
  outsider: "ok-unchanged",
  member: "ok-unchanged",
  sibling: "ok-unchanged",
  upline: "ok-unchanged",
  otherLeader: "ok-unchanged",
  owner: "ok-unchanged",
};
/** A leader may import, but rows placing people under someone outside their subtree are refused row by row. */
const IMPORT: Policy = { ...SUBJECT_MANAGER, otherLeader: "ok-unchanged" };

export const DECLARATIONS: Record<string, Declaration> = {
  "auth.signUp": {
    policy: PUBLIC,
    scope: "self",
    input: () => ({ name: "New Person", email: `new-${randomUUID()}@example.test`, password: "a-long-password-1" }),
  },
  // Account links with a token nobody was sent: an answer ("not valid any more"), and nothing changes.
  "auth.verifyEmail": { policy: ACCOUNT_LINK, input: () => ({ token: "x".repeat(43) }) },
  "auth.resetPassword": {
    policy: ACCOUNT_LINK,
    input: () => ({ token: "x".repeat(43), password: "a-long-password-1" }),
  },
  // Same answer whoever asks, for an address without an account: nothing is sent or written.
  "auth.requestPasswordReset": {
    policy: ACCOUNT_LINK,
    input: () => ({ email: `nobody-${randomUUID()}@example.test` }),
  },
  "auth.status": { policy: SIGNED_IN, scope: "self", input: () => undefined },
  // World accounts are verified: nothing to send.
  "auth.resendVerification": { policy: SIGNED_IN, scope: "self", input: () => ({}) },
  // Both end the caller's sessions, so each allowed call runs on a fresh world.
  "auth.changePassword": {
    policy: SIGNED_IN,
    input: () => ({ currentPassword: DEFAULT_PASSWORD, newPassword: "another-password-123" }),
  },
  "auth.signOutEverywhere": { policy: SIGNED_IN, input: () => undefined },
  // The caller's own account: name, and a new address (applied only by the link mailed to it).
  "auth.setName": { policy: SIGNED_IN, scope: "self", input: () => ({ name: "Renamed Person" }) },
  "auth.setLocale": { policy: SIGNED_IN, scope: "self", input: () => ({ locale: "de-DE" }) },
  "auth.requestEmailChange": {
    policy: SIGNED_IN,
    scope: "self",
    input: () => ({ newEmail: `moving-${randomUUID()}@example.test`, currentPassword: DEFAULT_PASSWORD }),
  },
  "auth.cancelEmailChange": { policy: SIGNED_IN, scope: "self", input: () => undefined },
  "auth.confirmEmailChange": { policy: ACCOUNT_LINK, input: () => ({ token: "x".repeat(43) }) },

  "team.create": {
    policy: SIGNED_IN,
    scope: "self",
    input: () => ({
      name: "Another team",
      currency: "GBP",
      timeZone: "Europe/London",
      weekStartsOn: 1,
      workingDays: [1, 2, 3, 4, 5],
    }),
  },
  "team.get": { policy: TEAM_MEMBER, input: team },
  "team.list": { policy: SIGNED_IN, input: () => undefined },
  // An old address of one of the caller's own teams (null for anyone else's): the team layout's redirect.
  "team.resolveOldSlug": { policy: SIGNED_IN, scope: "self", input: () => ({ slug: "an-old-address" }) },
  // The team itself: its settings are the owner's (leaders too once the owner allows it: off here), and so are the
  // activity log, handing the team over and deleting it. tests: server/api/routers/team-settings.integration.test.ts.
  "team.settings": { policy: OWNER_ONLY, input: team },
  "team.updateSettings": { policy: OWNER_ONLY, input: (w) => ({ ...team(w), version: 0, name: "Renamed team" }) },
  "team.activity": { policy: OWNER_ONLY, input: team },
  "team.transferOwnership": { policy: OWNER_ONLY, input: (w) => ({ ...team(w), membershipId: w.memberA1a.id }) },
  "team.delete": { policy: OWNER_ONLY, input: (w) => ({ ...team(w), confirmName: "Test Team" }) },

  "member.tree": { policy: SUBJECT_VIEWER, input: (w) => ({ ...team(w), rootId: w.memberA1a.id }) },
  "member.move": {
    policy: SUBJECT_MANAGER,
    input: (w) => ({ ...team(w), memberId: w.memberA1a.id, newParentId: w.memberA2.id }),
  },
  "member.remove": { policy: SUBJECT_MANAGER, input: (w) => ({ ...team(w), memberId: w.memberA1a.id }) },
  "member.setRole": {
    policy: SUBJECT_MANAGER,
    input: (w) => ({ ...team(w), memberId: w.memberA1a.id, role: "LEADER" }),
  },
  "member.day": { policy: TEAM_MEMBER, input: team },
  "member.setMyTimeZone": {
    policy: TEAM_MEMBER,
    scope: "self",
    input: (w) => ({ ...team(w), timeZone: "America/New_York" }),
  },
  // The profile: about the caller only (no member id in the input).
  "member.profile": { policy: TEAM_MEMBER, input: team },
  "member.conversionRates": { policy: TEAM_MEMBER, input: team },
  "member.setMyMinutesPerDay": {
    policy: TEAM_MEMBER,
    scope: "self",
    input: (w) => ({ ...team(w), minutesPerDay: 45 }),
  },
  // Split weights: whoever manages the member (tests: server/services/member/split-weight.integration.test.ts).
  "member.setSplitWeight": {
    policy: SUBJECT_MANAGER,
    input: (w) => ({ ...team(w), memberId: w.memberA1a.id, splitWeight: 50 }),
  },

  "invite.create": { policy: SUBJECT_MANAGER, input: (w) => ({ ...team(w), parentId: w.memberA1.id }) },
  "invite.list": { policy: TEAM_MEMBER, input: team },
  "invite.revoke": { policy: UPLINE_AND_OWNER, input: (w) => ({ ...team(w), inviteId: w.invite.id }) },
  "invite.preview": { policy: PUBLIC, input: (w) => ({ token: w.invite.token }) },
  // Joining through a valid link: anyone signed in; a member of the team already is left where they are.
  "invite.accept": { policy: SIGNED_IN, input: (w) => ({ token: w.invite.token }) },
  // Invitations bound to the caller's own address: their own list; an invitation that is not theirs (here a link,
  // bound to no address) is NOT_FOUND to everyone. tests: server/api/routers/import-consent.integration.test.ts.
  "invite.mine": { policy: SIGNED_IN, scope: "self", input: () => undefined },
  "invite.acceptInvitation": { policy: NOBODY, input: (w) => ({ inviteId: w.invite.id }) },
  "invite.declineInvitation": { policy: NOBODY, input: (w) => ({ inviteId: w.invite.id }) },

  "goal.list": { policy: TEAM_MEMBER, input: team },
  "goal.get": { policy: TEAM_MEMBER, input: (w) => ({ ...team(w), goalId: w.goal.id }) },
  "goal.myPlan": { policy: TEAM_MEMBER, input: team },
  "goal.preview": {
    policy: SUBJECT_MANAGER,
    input: (w) => ({ ...team(w), name: "For A1", ...w.goalFields, rootMembershipId: w.memberA1.id }),
  },
  "goal.create": {
    policy: SUBJECT_MANAGER,
    input: (w) => ({ ...team(w), name: "For A1", ...w.goalFields, rootMembershipId: w.memberA1.id }),
  },
  "goal.publish": {
    policy: SUBJECT_MANAGER,
    input: (w) => ({ ...team(w), goalId: w.draft.id, version: w.draft.version }),
  },
  "goal.previewChange": {
    policy: GOAL_ROOT_MANAGER,
    input: (w) => ({
      ...team(w),
      goalId: w.goal.id,
      change: { kind: "override", membershipId: w.memberA1a.id, personal: 5_000 },
    }),
  },
  "goal.applyChange": {
    policy: GOAL_ROOT_MANAGER,
    input: (w) => ({
      ...team(w),
      goalId: w.goal.id,
      version: w.goal.version,
      change: { kind: "override", membershipId: w.memberA1a.id, personal: 5_000 },
    }),
  },
  "goal.setFollowTree": {
    policy: GOAL_ROOT_MANAGER,
    input: (w) => ({ ...team(w), goalId: w.goal.id, followTree: true }),
  },
  "goal.history": {
    policy: SUBJECT_VIEWER,
    input: (w) => ({ ...team(w), goalId: w.goal.id, membershipId: w.memberA1a.id }),
  },
  "goal.proposeNext": { policy: OWNER_ONLY, input: (w) => ({ ...team(w), goalId: w.goal.id, stretchPercent: 10 }) },
  "goal.proposeTarget": {
    policy: TEAM_MEMBER,
    scope: "self",
    input: (w) => ({ ...team(w), goalId: w.goal.id, proposed: 777 }),
  },
  "goal.proposals": { policy: TEAM_MEMBER, input: team },
  "goal.decideProposal": {
    policy: GOAL_ROOT_MANAGER,
    input: (w) => ({ ...team(w), proposalId: w.proposalId, decision: "ACCEPT" }),
  },
  // The life of a goal (server/services/goal/goal-life.integration.test.ts): the draft and the closed goal are
  // memberA1's branch's (leaderA's), the published one the owner's team-wide goal.
  "goal.update": {
    policy: SUBJECT_MANAGER,
    input: (w) => ({
      ...team(w),
      goalId: w.draft.id,
      version: w.draft.version,
      name: "A1 volume, edited",
      ...w.goalFields,
    }),
  },
  "goal.delete": {
    policy: SUBJECT_MANAGER,
    input: (w) => ({ ...team(w), goalId: w.draft.id, version: w.draft.version }),
  },
  "goal.archive": {
    policy: GOAL_ROOT_MANAGER,
    input: (w) => ({ ...team(w), goalId: w.goal.id, version: w.goal.version }),
  },
  "goal.restore": {
    policy: SUBJECT_MANAGER,
    input: (w) => ({ ...team(w), goalId: w.closedGoal.id, version: w.closedGoal.version }),
  },
  "goal.archived": { policy: TEAM_MEMBER, input: team },
  // The team's main goal is the team's: whoever may change team-wide goals (the owner).
  "goal.setMain": { policy: OWNER_ONLY, input: (w) => ({ ...team(w), goalId: w.goal.id, main: true }) },
  "goal.closing": {
    policy: SUBJECT_VIEWER,
    input: (w) => ({ ...team(w), goalId: w.closedGoal.id, rootId: w.memberA1a.id }),
  },
  "goal.createNext": { policy: SUBJECT_MANAGER, input: (w) => ({ ...team(w), goalId: w.closedGoal.id }) },
  // Re-planning the rest of a member's share: whoever manages them (the member themselves: replan-rest.integration.test.ts).
  "goal.previewReplan": {
    policy: SUBJECT_MANAGER,
    input: (w) => ({ ...team(w), goalId: w.goal.id, memberId: w.memberA1a.id }),
  },
  "goal.applyReplan": {
    policy: SUBJECT_MANAGER,
    input: (w) => ({ ...team(w), goalId: w.goal.id, memberId: w.memberA1a.id, version: w.goal.version }),
  },

  "entry.log": {
    policy: TEAM_MEMBER,
    scope: "self",
    input: (w) => ({ ...team(w), entries: [{ id: randomUUID(), metricId: w.metrics.contacts.id, amount: 2 }] }),
  },
  "entry.day": { policy: TEAM_MEMBER, input: team },
  "entry.list": {
    policy: SUBJECT_VIEWER,
    input: (w) => ({ ...team(w), membershipId: w.memberA1a.id, from: w.today, to: w.today }),
  },
  "entry.history": { policy: SUBJECT_VIEWER, input: (w) => ({ ...team(w), entryId: w.entryId }) },
  "entry.update": { policy: SUBJECT_MANAGER, input: (w) => ({ ...team(w), entryId: w.entryId, amount: 4 }) },
  "entry.delete": { policy: SUBJECT_MANAGER, input: (w) => ({ ...team(w), entryId: w.entryId }) },
  "entry.setReminder": { policy: TEAM_MEMBER, scope: "self", input: (w) => ({ ...team(w), time: "18:30" }) },

  "dashboard.goals": { policy: TEAM_MEMBER, input: team },
  "dashboard.rollup": {
    policy: SUBJECT_VIEWER,
    input: (w) => ({ ...team(w), goalId: w.goal.id, rootId: w.memberA1a.id }),
  },
  "dashboard.view": {
    policy: SUBJECT_VIEWER,
    input: (w) => ({ ...team(w), goalId: w.goal.id, rootId: w.memberA1a.id }),
  },
  "dashboard.search": {
    policy: SUBJECT_VIEWER,
    input: (w) => ({ ...team(w), goalId: w.goal.id, rootId: w.memberA1a.id, query: "a" }),
  },
  "dashboard.charts": {
    policy: SUBJECT_VIEWER,
    input: (w) => ({ ...team(w), goalId: w.goal.id, rootId: w.memberA1a.id }),
  },
  "dashboard.victories": { policy: SUBJECT_VIEWER, input: (w) => ({ ...team(w), rootId: w.memberA1a.id }) },
  "dashboard.cheer": { policy: SUBJECT_VIEWER, input: (w) => ({ ...team(w), victoryId: w.victoryId }) },
  "dashboard.leaderboard": {
    policy: TEAM_MEMBER,
    input: (w) => ({ ...team(w), goalId: w.goal.id }),
    disclosesTeam: "the leaderboard ranks the whole team by design; the owner can switch it off",
  },
  "dashboard.setLeaderboard": { policy: OWNER_ONLY, input: (w) => ({ ...team(w), enabled: false }) },
  "dashboard.exportCsv": { policy: TEAM_MEMBER, input: (w) => ({ ...team(w), goalId: w.goal.id }) },
  "member.import": {
    policy: IMPORT,
    input: (w) => ({
      ...team(w),
      csv: `name,email,upline\nNew Recruit,recruit-${randomUUID()}@example.test,${w.emails.memberA1}\n`,
      commit: true,
    }),
  },

  "review.start": { policy: SUBJECT_MANAGER, input: (w) => ({ ...team(w), goalId: w.goal.id, rootId: w.memberA1.id }) },
  "review.get": { policy: UPLINE_AND_OWNER, input: (w) => ({ ...team(w), reviewId: w.reviewId }) },
  "review.list": { policy: TEAM_MEMBER, input: team },
  "review.saveCommitment": {
    policy: SUBJECT_MANAGER,
    input: (w) => ({ ...team(w), reviewId: w.reviewId, memberId: w.memberA1a.id, text: "Ten calls a day", amount: 50 }),
  },
  "review.myCommitments": { policy: TEAM_MEMBER, input: team },
  "review.saveMyCommitment": {
    policy: TEAM_MEMBER,
    scope: "self",
    input: (w) => ({ ...team(w), week: "next", text: "Twenty contacts", amount: 20 }),
  },
  "review.close": { policy: UPLINE_AND_OWNER, input: (w) => ({ ...team(w), reviewId: w.reviewId }) },

  // Metrics, funnels and ranks are team-wide settings: everyone in the team reads them, the owner changes them.
  "metric.list": { policy: TEAM_MEMBER, input: team },
  "metric.templates": { policy: TEAM_MEMBER, input: team },
  "metric.applyTemplate": { policy: OWNER_ONLY, input: (w) => ({ ...team(w), template: "SALES" }) },
  "metric.create": {
    policy: OWNER_ONLY,
    input: (w) => ({
      ...team(w),
      key: `m_${randomUUID().replace(/-/g, "").slice(0, 12)}`,
      name: "New metric",
      kind: "ACTIVITY",
    }),
  },
  "metric.update": {
    policy: OWNER_ONLY,
    input: (w) => ({ ...team(w), metricId: w.metrics.contacts.id, name: "Calls", minutesPerAction: 4 }),
  },
  "metric.archive": { policy: OWNER_ONLY, input: (w) => ({ ...team(w), metricId: w.metrics.presentations.id }) },
  "metric.setFunnel": {
    policy: OWNER_ONLY,
    input: (w) => ({
      ...team(w),
      resultMetricId: w.metrics.sponsors.id,
      steps: [{ activityMetricId: w.metrics.contacts.id, fromCount: 40, toCount: 1 }],
    }),
  },
  "rank.list": { policy: TEAM_MEMBER, input: team },
  "rank.save": {
    policy: OWNER_ONLY,
    input: (w) => ({ ...team(w), name: "Platinum", position: 50, teamVolume: 9_000_000 }),
  },
  "rank.delete": { policy: OWNER_ONLY, input: (w) => ({ ...team(w), rankId: w.rankId }) },
  "rank.progress": { policy: SUBJECT_VIEWER, input: (w) => ({ ...team(w), membershipId: w.memberA1a.id }) },
  // About the caller only: "what would it take me to reach this rank".
  "rank.planToRank": {
    policy: TEAM_MEMBER,
    input: (w) => ({ ...team(w), rankId: w.rankId, deadline: `${Number(w.today.slice(0, 4)) + 1}-06-30` }),
  },
  // The rank report card: the caller's or anyone's in their branch (server/api/routers/rank-card.integration.test.ts).
  "rank.card": { policy: SUBJECT_VIEWER, input: (w) => ({ ...team(w), membershipId: w.memberA1a.id }) },
  // A rank plan is the caller's own: its goals are rooted at the caller.
  "rank.savePlan": {
    policy: TEAM_MEMBER,
    scope: "self",
    input: (w) => ({ ...team(w), rankId: w.rankId, deadline: `${Number(w.today.slice(0, 4)) + 1}-06-30` }),
  },
  "rank.myPlans": { policy: TEAM_MEMBER, input: team },

  // The team calendar: everyone in the team reads the holidays; the owner and every leader change them (they are
  // the team's, not a subtree's). Days off belong to the member alone: nobody else lists, adds or removes them.
  "calendar.holidays": { policy: TEAM_MEMBER, input: team },
  "calendar.addHoliday": {
    policy: TEAM_LEADERS,
    input: (w) => ({ ...team(w), day: `${Number(w.today.slice(0, 4)) + 1}-12-25`, name: "Christmas Day" }),
  },
  "calendar.removeHoliday": { policy: TEAM_LEADERS, input: (w) => ({ ...team(w), holidayId: w.holidayId }) },
  "calendar.countries": { policy: TEAM_MEMBER, input: team },
  "calendar.previewImport": {
    policy: TEAM_LEADERS,
    input: (w) => ({ ...team(w), country: "GB", region: "ENG", year: Number(w.today.slice(0, 4)) + 1 }),
  },
  "calendar.importHolidays": {
    policy: TEAM_LEADERS,
    input: (w) => ({
      ...team(w),
      country: "GB",
      region: "ENG",
      year: Number(w.today.slice(0, 4)) + 1,
      days: [`${Number(w.today.slice(0, 4)) + 1}-12-25`],
    }),
  },
  // Lists only goals the caller manages (a member: none).
  "calendar.goalsToReplan": { policy: TEAM_MEMBER, input: team },
  "calendar.myDaysOff": { policy: TEAM_MEMBER, input: team },
  "calendar.addDayOff": {
    policy: TEAM_MEMBER,
    scope: "self",
    input: (w) => ({
      ...team(w),
      from: `${Number(w.today.slice(0, 4)) + 1}-02-01`,
      to: `${Number(w.today.slice(0, 4)) + 1}-02-07`,
      kind: "HOLIDAY",
    }),
  },
  "calendar.removeDayOff": { policy: NOBODY, input: (w) => ({ ...team(w), dayOffId: w.dayOffId }) },
  // Calendar feeds (issue 20): always the caller's own membership's feeds — the input names a scope, never a feed or
  // a member. tests: server/services/calendar-feed/calendar-feed.integration.test.ts.
  "calendarFeed.mine": { policy: TEAM_MEMBER, scope: "self", input: team },
  "calendarFeed.open": { policy: TEAM_MEMBER, scope: "self", input: team },
  "calendarFeed.reset": { policy: TEAM_MEMBER, scope: "self", input: (w) => ({ ...team(w), scope: "MEMBER" }) },
  // The names list (issue 18): a person is its list owner's alone (the subject's person: nobody else reads or
  // changes it; a shared person's read by the upline chain is in server/api/routers/person.integration.test.ts).
  // Web Push and notification preferences: the caller's own account only. Someone else's endpoint — here one nobody
  // has — is NOT_FOUND to everyone; the owner-only rules are in server/api/routers/push.integration.test.ts.
  "push.status": { policy: SIGNED_IN, scope: "self", input: () => undefined },
  "push.subscribe": {
    policy: SIGNED_IN,
    scope: "self",
    input: () => ({
      subscription: {
        endpoint: `https://push.example.com/send/${randomUUID()}`,
        keys: { p256dh: "B".repeat(86) + "A", auth: "A".repeat(22) },
      },
    }),
  },
  "push.unsubscribe": { policy: NOBODY, input: () => ({ endpoint: `https://push.example.com/send/${randomUUID()}` }) },
  "push.preferences": { policy: SIGNED_IN, scope: "self", input: () => undefined },
  "push.setPreference": {
    policy: SIGNED_IN,
    scope: "self",
    input: () => ({ kind: "PROPOSAL_WAITING", channel: "PUSH", enabled: true }),
  },

  // The inbox (issue 20): each caller's own notifications in the team; one of the subject's is nobody else's.
  "notification.list": { policy: TEAM_MEMBER, scope: "self", input: team },
  "notification.unreadCount": { policy: TEAM_MEMBER, scope: "self", input: team },
  "notification.markRead": { policy: NOBODY, input: (w) => ({ ...team(w), notificationId: w.notificationId }) },
  "notification.markAllRead": { policy: TEAM_MEMBER, scope: "self", input: team },
  "person.stages": { policy: TEAM_MEMBER, input: team },
  "person.list": { policy: TEAM_MEMBER, scope: "self", input: team },
  "person.tags": { policy: TEAM_MEMBER, scope: "self", input: team },
  "person.get": { policy: NOBODY, input: (w) => ({ ...team(w), personId: w.personId }) },
  "person.add": {
    policy: TEAM_MEMBER,
    scope: "self",
    input: (w) => ({ ...team(w), id: randomUUID(), name: "Pat Prospect" }),
  },
  "person.update": { policy: NOBODY, input: (w) => ({ ...team(w), personId: w.personId, notes: "changed" }) },
  "person.setStage": { policy: NOBODY, input: (w) => ({ ...team(w), personId: w.personId, outcome: "LOST" }) },
  "person.archive": { policy: NOBODY, input: (w) => ({ ...team(w), personId: w.personId }) },
  "person.restore": { policy: NOBODY, input: (w) => ({ ...team(w), personId: w.personId }) },
  "person.stageCounts": { policy: SUBJECT_VIEWER, input: (w) => ({ ...team(w), rootId: w.memberA1.id }) },
  "person.sharedWithMe": { policy: TEAM_MEMBER, scope: "self", input: team },
  // Import and export act on the caller's own list only (the input names no list); sponsoring reaches the subject's
  // private person: nobody else may.
  "person.importPreview": {
    policy: TEAM_MEMBER,
    scope: "self",
    input: (w) => ({ ...team(w), format: "csv", content: "name,email\r\nPat,pat@example.test\r\n" }),
  },
  "person.import": {
    policy: TEAM_MEMBER,
    scope: "self",
    input: (w) => ({ ...team(w), format: "csv", content: "name\r\nPat\r\n", importId: randomUUID() }),
  },
  "person.export": { policy: TEAM_MEMBER, scope: "self", input: team },
  "person.invite": { policy: NOBODY, input: (w) => ({ ...team(w), personId: w.personId }) },
};

const DENIED_CODES = new Set(["FORBIDDEN", "NOT_FOUND"]);

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const checksum = () => databaseChecksum(database.db);

interface Cell {
  path: string;
  actor: Actor;
  expected: Outcome;
  got: string;
  leak?: string;
}

async function run(world: World, path: string, actor: Actor, decl: Declaration, mutation: boolean): Promise<Cell> {
  const expected = decl.policy[actor];
  const before = mutation && expected !== "ok" ? await checksum() : "";
  let got: string;
  let leak: string | undefined;
  try {
    const result = await callByPath(world.callerAs(actor), path, decl.input(world));
    got = "ok";
    if (!decl.disclosesTeam) {
      const text = JSON.stringify(result) ?? "";
      const seen = world.hiddenFrom[actor].filter((id) => text.includes(id));
      if (seen.length > 0) leak = `response names ${seen.map((id) => world.nameOf(id)).join(", ")}`;
    }
  } catch (error) {
    got = error instanceof TRPCError ? error.code : `non-tRPC error: ${String(error)}`;
  }
  if (before && (await checksum()) !== before)
    leak = `${leak ? leak + "; " : ""}the database changed, though this call must change nothing`;
  return { path, actor, expected, got, leak };
}

const matches = (c: Cell) =>
  c.expected === "ok" || c.expected === "ok-unchanged"
    ? c.got === "ok"
    : c.expected === "UNAUTHORIZED"
      ? c.got === "UNAUTHORIZED"
      : DENIED_CODES.has(c.got);

describe("access matrix (every procedure × seven actors)", () => {
  const procedures = listProcedures();

  it("has a declaration for every procedure of the router, and none for procedures that are gone", () => {
    const paths = procedures.map((p) => p.path);
    expect(paths.filter((p) => !(p in DECLARATIONS))).toEqual([]);
    expect(Object.keys(DECLARATIONS).filter((p) => !paths.includes(p))).toEqual([]);
  });

  it(
    "answers every cell as declared, with no reads or writes outside what visibility allows",
    { timeout: 600_000 },
    async () => {
      const { db } = database;
      const shared = await makeWorld(db);
      const cells: Cell[] = [];
      for (const { path, type } of procedures) {
        const decl = DECLARATIONS[path];
        if (!decl) continue;
        const mutation = type === "mutation";
        for (const actor of ACTORS) {
          const needsFresh = mutation && decl.policy[actor] === "ok" && decl.scope !== "self";
          // A refused call runs on the shared world: the checksum proves it changed nothing there.
          cells.push(await run(needsFresh ? await makeWorld(db) : shared, path, actor, decl, mutation));
        }
      }
      const wrong = cells.filter((c) => !matches(c) || c.leak);
      const report = wrong.map(
        (c) => `${c.path} as ${c.actor}: expected ${c.expected}, got ${c.got}${c.leak ? ` — ${c.leak}` : ""}`,
      );
      console.info(`access matrix: ${cells.length} cells over ${procedures.length} procedures, ${wrong.length} wrong`);
      expect(report).toEqual([]);
      expect(cells.length).toBe(procedures.length * ACTORS.length);
    },
  );
});
