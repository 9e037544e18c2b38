/**
 * The world of the access matrix: the shared test tree with data placed in memberA1's subtree (the subject is
 * memberA1a), and the seven people who try to reach it.
 *
 *   owner
 *   ├── leaderA (LEADER)           ← "upline" of the data
 *   │   ├── memberA1               ← the subtree holding the data
 *   │   │   └── memberA1a          ← the subject
 *   │   └── memberA2               ← "sibling"
 *   └── leaderB (LEADER)           ← "otherLeader"
 *       └── memberB1               ← "member" (plain member elsewhere)
 *   + an "outsider" who is in another team only, and "anonymous".
 */
import type { Db } from "@/server/db-client";
import { randomUUID } from "node:crypto";
import { teamToday } from "@/server/clock";
import { callerFor, callerForMember } from "@/tests/caller";
import { addMember, makeFunnelMetrics, makeTeam, makeTestTree, makeUser } from "@/tests/factories";
import { toDbDay } from "@/server/domain/db-day";
import { addDays } from "@/server/domain/calendar";
import { atInstant } from "@/tests/clock";
import { notify } from "@/server/services/notification/notify";

export const ACTORS = ["anonymous", "outsider", "member", "sibling", "upline", "otherLeader", "owner"] as const;
export type Actor = (typeof ACTORS)[number];

export type World = Awaited<ReturnType<typeof makeWorld>>;

export async function makeWorld(db: Db) {
  const tree = await makeTestTree(db);
  const outsiderUser = await makeUser(db, { name: "Otto Outsider" });
  const otherTeam = await makeTeam(db, { ownerId: outsiderUser.id, input: { name: "Elsewhere" } });
  const otherTeamMember = await addMember(db, {
    teamId: otherTeam.id,
    parentId: otherTeam.membershipId,
    name: "Elsa Elsewhere",
  });
  const userOf = async (membershipId: string) =>
    (
      await db.membership.findUniqueOrThrow({
        where: { id: membershipId },
        select: { user: { select: { id: true, email: true, name: true } } },
      })
    ).user;
  const people: Record<Exclude<Actor, "anonymous" | "outsider">, { id: string }> = {
    member: tree.memberB1,
    sibling: tree.memberA2,
    upline: tree.leaderA,
    otherLeader: tree.leaderB,
    owner: tree.owner,
  };
  const users = {
    anonymous: null,
    outsider: { id: outsiderUser.id, email: outsiderUser.email, name: outsiderUser.name },
    member: await userOf(people.member.id),
    sibling: await userOf(people.sibling.id),
    upline: await userOf(people.upline.id),
    otherLeader: await userOf(people.otherLeader.id),
    owner: await userOf(people.owner.id),
  } satisfies Record<Actor, unknown>;

  /** Membership ids each actor must never see in a response (outside their subtree and upline chain). */
  const hiddenFrom: Record<Actor, string[]> = {
    anonymous: [tree.memberA1.id, tree.memberA1a.id, tree.memberB1.id, tree.memberA2.id],
    outsider: [tree.memberA1.id, tree.memberA1a.id, tree.memberB1.id, tree.memberA2.id],
    member: [tree.memberA1.id, tree.memberA1a.id, tree.memberA2.id, tree.leaderA.id],
    sibling: [tree.memberA1.id, tree.memberA1a.id, tree.memberB1.id, tree.leaderB.id],
    upline: [tree.memberB1.id, tree.leaderB.id],
    otherLeader: [tree.memberA1.id, tree.memberA1a.id, tree.memberA2.id, tree.leaderA.id],
    owner: [],
  };

  const data = await placeData(db, tree, (actor: Actor) => callerFor(db, users[actor]));

  return {
    db,
    ...tree,
    ...data,
    otherTeam,
    otherTeamMember,
    callerAs: (actor: Actor) => callerFor(db, users[actor]),
    emails: { memberA1: (await userOf(tree.memberA1.id)).email },
    nameOf: (membershipId: string) =>
      Object.entries(tree).find(
        ([, v]) => typeof v === "object" && v !== null && "id" in v && v.id === membershipId,
      )?.[0] ?? membershipId,
    hiddenFrom,
  };
}

type Tree = Awaited<ReturnType<typeof makeTestTree>>;

/**
 * Data in memberA1's subtree, made through the real procedures where one exists: a published team goal (owner), a
 * draft goal for memberA1's subtree (leaderA), memberA1a's entry, proposal, victory and day off, leaderA's weekly
 * review and invite link, and a team holiday. Uplines may edit entries in this team, so that rule is exercised too.
 */
async function placeData(db: Db, tree: Tree, callerAs: (actor: Actor) => ReturnType<typeof callerFor>) {
  const teamId = tree.team.id;
  await db.team.update({ where: { id: teamId }, data: { uplineCanEditEntries: true, leaderboardEnabled: true } });
  const team = await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { timeZone: true } });
  const today = teamToday(team);
  const start = `${today.slice(0, 8)}01`;
  const deadline = `${Number(today.slice(0, 4)) + 1}-01-31`;
  const metrics = await makeFunnelMetrics(db, { teamId });
  const goalFields = { metricId: metrics.volume.id, target: 1_000_000, startDate: start, deadline };
  const owner = callerAs("owner");
  const goal = await owner.goal.create({ teamId, name: "Team volume", ...goalFields, publish: true });
  const draft = await callerAs("upline").goal.create({
    teamId,
    name: "A1 volume",
    ...goalFields,
    rootMembershipId: tree.memberA1.id,
  });

  // A closed goal of memberA1's branch (last month's, set by leaderA), archived so that it is in no list but the
  // Archived one: restoring it and making next month's goal from it (the life of a goal) are reached through it.
  const lastMonth = `${addDays(start, -1).slice(0, 8)}01`;
  const closedGoal = await atInstant(`${lastMonth}T09:00:00Z`, async () => {
    const created = await callerAs("upline").goal.create({
      teamId,
      name: "A1 last month",
      ...goalFields,
      startDate: lastMonth,
      deadline: addDays(start, -1),
      rootMembershipId: tree.memberA1.id,
      publish: true,
    });
    return callerAs("upline").goal.archive({ teamId, goalId: created.id, version: created.version });
  });

  const subject = await callerForMember(db, tree.memberA1a.id);
  const entryId = randomUUID();
  await subject.entry.log({
    teamId,
    entries: [{ id: entryId, metricId: metrics.contacts.id, amount: 3, note: "A1a's note" }],
  });
  const proposal = await subject.goal.proposeTarget({
    teamId,
    goalId: goal.id,
    proposed: 12_345,
    note: "A1a proposes",
  });
  const victory = await db.victory.create({
    data: {
      teamId,
      membershipId: tree.memberA1a.id,
      kind: "RECORD",
      key: "access:record",
      title: "A1a's record",
      day: toDbDay(today),
    },
    select: { id: true },
  });
  const review = await callerAs("upline").review.start({ teamId, goalId: goal.id, rootId: tree.leaderA.id });
  const invite = await callerAs("upline").invite.create({ teamId, parentId: tree.memberA1.id, maxUses: 5 });
  const goalVersion = (await db.goal.findUniqueOrThrow({ where: { id: goal.id }, select: { version: true } })).version;
  const rank = await db.rank.create({
    data: { teamId, name: "Bronze", position: 0, teamVolume: 100_000 },
    select: { id: true },
  });
  const nextYear = Number(today.slice(0, 4)) + 1;
  const holiday = await owner.calendar.addHoliday({ teamId, day: `${nextYear}-01-01`, name: "New Year's Day" });
  await subject.calendar.addDayOff({ teamId, from: `${nextYear}-01-03`, to: `${nextYear}-01-09`, kind: "SICK" });
  const dayOff = await db.memberDayOff.findFirstOrThrow({
    where: { membershipId: tree.memberA1a.id },
    select: { id: true },
  });
  // The inbox (issue 20): a notification of the subject's own (only ever theirs).
  const notification = await notify(db, {
    userId: tree.memberA1a.userId,
    teamId,
    kind: "CHEER",
    title: "Someone cheered your record.",
    body: "A1a's record",
    url: "/access/dashboard",
    dedupeKey: "access:cheer",
  });
  // The names list (issue 18): one private person and one shared with the upline, on the subject's list.
  const person = await subject.person.add({ teamId, id: randomUUID(), name: "A1a's prospect" });
  const sharedPerson = await subject.person.add({
    teamId,
    id: randomUUID(),
    name: "A1a's shared prospect",
    sharedWithUpline: true,
  });
  return {
    today,
    metrics,
    goal: { id: goal.id, version: goalVersion },
    draft: { id: draft.id, version: draft.version },
    closedGoal: { id: closedGoal.id, version: closedGoal.version },
    entryId,
    proposalId: proposal.id,
    victoryId: victory.id,
    reviewId: review.id,
    invite: { id: invite.id, token: invite.token },
    goalFields,
    rankId: rank.id,
    holidayId: holiday.id,
    dayOffId: dayOff.id,
    personId: person.id,
    sharedPersonId: sharedPerson.id,
    notificationId: notification!.id,
  };
}
