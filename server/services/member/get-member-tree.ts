/**
 * The tree a member may see: their own subtree (the owner: the whole team), or a subtree inside it
 * (`memberViewerProcedure` checks the caller can see `rootId`), with names, roles and member counts per subtree,
 * plus the names of the viewer's upline chain. A constant number of queries whatever the tree's size.
 */
import type { DbClient } from "@/server/db-client";
import { countDescendants } from "@/server/domain/tree-shape";
import type { TMemberTreeInput } from "@/server/schemas/member";
import type { TeamScope } from "@/server/services/team/scope";
import { listSubtree, listUplineChain } from "@/server/queries/tree";

export const memberNodeSelect = {
  id: true,
  parentId: true,
  role: true,
  joinedAt: true,
  splitWeight: true,
  user: { select: { name: true, email: true } },
} as const;

export interface MemberTreeNode {
  id: string;
  parentId: string | null;
  depth: number;
  name: string;
  email: string;
  role: "OWNER" | "LEADER" | "MEMBER";
  joinedAt: Date;
  /** Share under the weighted split rule, percent of full time (100 = full time, 50 = half). */
  splitWeight: number;
  childCount: number;
  /** Everyone below this member (not counting them). */
  descendantCount: number;
}

export async function getMemberTree(
  db: DbClient,
  scope: TeamScope,
  input: TMemberTreeInput,
): Promise<{ rootId: string; nodes: MemberTreeNode[]; upline: { id: string; name: string; role: string }[] }> {
  const { actor, team } = scope;
  const rootId = input.rootId ?? (actor.role === "OWNER" ? await teamRootId(db, scope) : actor.id);

  const flat = await listSubtree(db, { teamId: team.id, rootId });
  const counts = countDescendants(flat);
  const shown = flat.filter((n) => n.depth <= input.depth);
  const details = await db.membership.findMany({
    where: { id: { in: shown.map((n) => n.id) } },
    select: memberNodeSelect,
  });
  const byId = new Map(details.map((d) => [d.id, d]));

  const nodes = shown.map((n): MemberTreeNode => {
    const d = byId.get(n.id)!;
    const c = counts.get(n.id)!;
    return {
      id: n.id,
      parentId: n.id === rootId ? null : n.parentId,
      depth: n.depth,
      name: d.user.name,
      email: d.user.email,
      role: d.role,
      joinedAt: d.joinedAt,
      splitWeight: d.splitWeight,
      childCount: c.children,
      descendantCount: c.descendants,
    };
  });
  const upline = await listUplineChain(db, { teamId: team.id, memberId: actor.id });
  return { rootId, nodes, upline: upline.map(({ id, name, role }) => ({ id, name, role })) };
}

async function teamRootId(db: DbClient, { actor, team }: TeamScope): Promise<string> {
  const root = await db.membership.findFirst({
    where: { teamId: team.id, parentId: null, status: "ACTIVE" },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  return root?.id ?? actor.id;
}
