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
import { callerFor } from "@/tests/caller";
import { addMember, makeTeam, makeTestTree, makeUser } from "@/tests/factories";

export const ACTORS = ["anonymous", "outsider", "member", "sibling", "upline", "otherLeader", "owner"] as const;
export type Actor = (typeof ACTORS)[number];

export type World = Awaited<ReturnType<typeof makeWorld>>;

export async function makeWorld(db: Db) {
  const tree = await makeTestTree(db);
  const outsiderUser = await makeUser(db, { name: "Otto Outsider" });
  const otherTeam = await makeTeam(db, { ownerId: outsiderUser.id, input: { name: "Elsewhere" } });
  const otherTeamMember = await addMember(db, { teamId: otherTeam.id, parentId: otherTeam.membershipId, name: "Elsa Elsewhere" });
  const userOf = async (membershipId: string) =>
    (await db.membership.findUniqueOrThrow({ where: { id: membershipId }, select: { user: { select: { id: true, email: true, name: true } } } })).user;
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

  return {
    db,
    ...tree,
    otherTeam,
    otherTeamMember,
    callerAs: (actor: Actor) => callerFor(db, users[actor]),
    hiddenFrom,
  };
}
