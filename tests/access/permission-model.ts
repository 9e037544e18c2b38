/**
 * The written permission model (docs/RELIABILITY.md §1, "Permission model"), as a pure function: given a tree, an
 * actor and an object, the outcome each object-scoped procedure must give. It is the oracle of
 * tests/access/permission-oracle.integration.test.ts, and the table in the docs is rendered from `PERMISSION_TABLE`
 * below (the test checks that the docs hold exactly `renderPermissionTable()`).
 *
 * Derived from the rules as written (docs/ARCHITECTURE.md, docs/RELIABILITY.md) and as the policy builders of
 * server/api/policy/*.ts implement them (permissions.ts `canView` / `assertCanManage`, goal-access.ts "view" /
 * "change"). Nothing here reads the database.
 *
 * Every cell is decided by the actor's RELATION to the object's node:
 *   owner          the team owner, the object's node being someone else
 *   leaderSelf     the owner or a leader who IS the object's node   memberSelf  a plain member who is it
 *   leaderAbove    a leader strictly above it               memberAbove  a plain member strictly above it
 *   leaderBelow    a leader strictly below it (in its subtree)  memberBelow  a plain member strictly below it
 *   leaderElsewhere / memberElsewhere  anyone else in the team
 * "Leader" means the LEADER role for the powers roles keep (managing members, importing), and "leads a branch" for
 * the upline powers over one's own branch (goals, proposals, reviews): a leader, or — roles follow the tree — a
 * sponsor with a downline when the team lets sponsors lead (`Team.sponsorsLeadBranches`). Each row says which.
 */

export type Role = "OWNER" | "LEADER" | "MEMBER";
/** ROW_ERROR: the call answers, the row is refused with an error written on it, and nothing is written. */
export type Outcome = "ok" | "NOT_FOUND" | "FORBIDDEN" | "BAD_REQUEST" | "ROW_ERROR";

export interface TreeNode {
  id: string;
  parentId: string | null;
  role: Role;
}

/** The team's active members (a tree: one root, the owner). */
export interface TreeModel {
  nodes: ReadonlyMap<string, TreeNode>;
  /** Team.uplineCanEditEntries. */
  uplineCanEditEntries: boolean;
  /** Team.sponsorsLeadBranches. */
  sponsorsLead: boolean;
}

export const RELATIONS = [
  "owner",
  "leaderSelf",
  "memberSelf",
  "leaderAbove",
  "memberAbove",
  "leaderBelow",
  "memberBelow",
  "leaderElsewhere",
  "memberElsewhere",
] as const;
export type Relation = (typeof RELATIONS)[number];

/** The strict ancestors of `id`, nearest first. */
export function ancestors(t: TreeModel, id: string): string[] {
  const out: string[] = [];
  let cur = t.nodes.get(id)?.parentId ?? null;
  while (cur !== null) {
    out.push(cur);
    cur = t.nodes.get(cur)?.parentId ?? null;
  }
  return out;
}

/** `member` is `root` or below it. */
export function inSubtree(t: TreeModel, root: string, member: string): boolean {
  return member === root || ancestors(t, member).includes(root);
}

/** The active members of `root`'s subtree, `root` included. */
export function subtree(t: TreeModel, root: string): string[] {
  return [...t.nodes.keys()].filter((id) => inSubtree(t, root, id));
}

/** Who counts as a leader in a row: the LEADER role, or whoever leads a branch (`leadsBranch`). */
export type Leaders = "role" | "branch";

/** The actor leads a branch: the owner, a leader, or a sponsor with a downline where the team lets sponsors lead. */
export function leadsBranch(t: TreeModel, actor: string): boolean {
  const role = t.nodes.get(actor)!.role;
  return role !== "MEMBER" || (t.sponsorsLead && [...t.nodes.values()].some((n) => n.parentId === actor));
}

export function relation(t: TreeModel, actor: string, object: string, leaders: Leaders = "role"): Relation {
  const role = t.nodes.get(actor)!.role;
  const lead = leaders === "role" ? role !== "MEMBER" : leadsBranch(t, actor);
  if (actor === object) return lead ? "leaderSelf" : "memberSelf";
  if (role === "OWNER") return "owner";
  if (inSubtree(t, actor, object)) return lead ? "leaderAbove" : "memberAbove";
  if (inSubtree(t, object, actor)) return lead ? "leaderBelow" : "memberBelow";
  return lead ? "leaderElsewhere" : "memberElsewhere";
}

/**
 * A cell: an outcome, or an outcome that depends on one more fact (named so the docs can say it):
 * - "ok|FORBIDDEN:uplineEdits"   ok when the team lets uplines change entries, else FORBIDDEN;
 * - "ok|FORBIDDEN:goalRoot"      ok when the actor manages the proposal's goal (its root is them or below them;
 *                                the owner: any), else FORBIDDEN.
 */
export type Cell = Outcome | "ok|FORBIDDEN:uplineEdits" | "ok|FORBIDDEN:goalRoot";

export interface Row {
  object: string;
  procedures: string[];
  /** Who counts as a leader in this row (default: the role). */
  leaders?: Leaders;
  cells: Record<Relation, Cell>;
  /** What else the row's outcome depends on (applied after the cell; written in the docs). */
  note?: string;
}

const row = (cells: Cell[]): Record<Relation, Cell> =>
  Object.fromEntries(RELATIONS.map((r, i) => [r, cells[i]!])) as Record<Relation, Cell>;

//                 owner  leadSelf memSelf  leadAbove memAbove leadBelow memBelow leadElse memElse
const N = "NOT_FOUND" as const;
const F = "FORBIDDEN" as const;

/** The model: object class × procedure → outcome per relation of the actor to the object's node. */
export const PERMISSION_TABLE: Record<string, Row> = {
  memberRead: {
    object: "a member M",
    procedures: ["member.tree {rootId: M}", "entry.list {membershipId: M}", "rank.progress {membershipId: M}"],
    cells: row(["ok", "ok", "ok", "ok", "ok", N, N, N, N]),
  },
  memberManage: {
    object: "a member M",
    procedures: ["member.setRole {memberId: M}", "member.remove {memberId: M}", "member.move {memberId: M}"],
    cells: row(["ok", F, F, "ok", F, N, N, N, N]),
    note:
      "move: then the new upline must pass member.tree's rule for the actor, else NOT_FOUND; under M or M's " +
      "downline: BAD_REQUEST.",
  },
  entryRead: {
    object: "an entry of member M",
    procedures: ["entry.history"],
    cells: row(["ok", "ok", "ok", "ok", "ok", N, N, N, N]),
  },
  entryChange: {
    object: "an entry of member M",
    procedures: ["entry.update", "entry.delete"],
    cells: row([
      "ok|FORBIDDEN:uplineEdits",
      "ok",
      "ok",
      "ok|FORBIDDEN:uplineEdits",
      "ok|FORBIDDEN:uplineEdits",
      N,
      N,
      N,
      N,
    ]),
  },
  goalView: {
    leaders: "branch",
    object: "a published goal rooted at R (targets: R's subtree)",
    procedures: [
      "goal.get",
      "dashboard.exportCsv",
      "dashboard.rollup {rootId: X}",
      "dashboard.view {rootId: X}",
      "dashboard.search {rootId: X}",
      "dashboard.charts {rootId: X}",
    ],
    cells: row(["ok", "ok", "ok", "ok", N, "ok", "ok", N, N]),
    note:
      "rollup/view/search/charts: X must pass member.tree's rule for the actor, else NOT_FOUND; and be in R's branch (X above R " +
      "reads R), else NOT_FOUND.",
  },
  goalChange: {
    leaders: "branch",
    object: "a published goal rooted at R",
    procedures: ["goal.previewChange", "goal.applyChange"],
    cells: row(["ok", "ok", F, "ok", N, F, F, N, N]),
  },
  goalPropose: {
    leaders: "branch",
    object: "a published goal rooted at R",
    procedures: ["goal.proposeTarget"],
    cells: row([F, "ok", "ok", F, N, "ok", "ok", N, N]),
    note: "a target is what one proposes on: the owner has one only in a goal rooted at themselves.",
  },
  reviewStart: {
    leaders: "branch",
    object: "a published goal rooted at R",
    procedures: ["review.start {rootId: X}"],
    cells: row(["ok", "ok", F, "ok", N, "ok", F, N, N]),
    note:
      "X must pass member.tree's rule for the actor and be in R's branch (X above R reviews R), else NOT_FOUND " +
      "(before FORBIDDEN).",
  },
  proposalDecide: {
    leaders: "branch",
    object: "a pending proposal by member P (on a goal rooted at R, P in R's subtree)",
    procedures: ["goal.decideProposal"],
    cells: row(["ok", F, F, "ok|FORBIDDEN:goalRoot", F, N, N, N, N]),
  },
  reviewRead: {
    object: "a weekly review rooted at X",
    procedures: ["review.get"],
    cells: row(["ok", "ok", "ok", "ok", "ok", N, N, N, N]),
  },
  reviewClose: {
    leaders: "branch",
    object: "an open weekly review rooted at X",
    procedures: ["review.close"],
    cells: row(["ok", "ok", F, "ok", F, N, F, N, F]),
    note: "a plain member is FORBIDDEN first (role check), whatever the review; a closed review: BAD_REQUEST.",
  },
  commitment: {
    object: "member M of a weekly review (M in the review's subtree)",
    procedures: ["review.saveCommitment {memberId: M}"],
    cells: row(["ok", "ok", "ok", "ok", "ok", N, N, N, N]),
    note: "M outside the review: NOT_FOUND; a closed review: BAD_REQUEST (after the check).",
  },
  memberImport: {
    object: "a new person placed under member U (a row of an import)",
    procedures: ["member.import {upline: U}"],
    cells: row(["ok", "ok", F, "ok", F, "ROW_ERROR", F, "ROW_ERROR", F]),
    note:
      "a plain member is FORBIDDEN first (role check); a row under U's row of the same file waits for it, with U's " +
      "outcome; the person joins only by accepting (below).",
  },
  inviteRevoke: {
    object: "an invite link, or an imported invitation, created by C",
    procedures: ["invite.revoke"],
    cells: row(["ok", "ok", "ok", N, N, N, N, N, N]),
  },
  invitationAnswer: {
    object: "an invitation bound to address E, created by C",
    procedures: ["invite.acceptInvitation", "invite.declineInvitation"],
    cells: row([N, N, N, N, N, N, N, N, N]),
    note:
      "only the account of E (verified): ok; one waiting for its upline's invitation: FORBIDDEN until that is " +
      "accepted, declined or revoked.",
  },
  dayOffRemove: {
    object: "a day off of member M",
    procedures: ["calendar.removeDayOff"],
    cells: row([N, "ok", "ok", N, N, N, N, N, N]),
  },
};

function resolve(cell: Cell, facts: { uplineEdits?: boolean; managesGoal?: boolean }): Outcome {
  if (cell === "ok|FORBIDDEN:uplineEdits") return facts.uplineEdits ? "ok" : "FORBIDDEN";
  if (cell === "ok|FORBIDDEN:goalRoot") return facts.managesGoal ? "ok" : "FORBIDDEN";
  return cell;
}

const lookup = (key: keyof typeof PERMISSION_TABLE, t: TreeModel, actor: string, object: string) => {
  const row = PERMISSION_TABLE[key]!;
  return row.cells[relation(t, actor, object, row.leaders ?? "role")];
};
const role = (t: TreeModel, id: string) => t.nodes.get(id)!.role;
/** member.tree's rule: the actor sees `x` (themselves, their downline; the owner: anyone). */
export const sees = (t: TreeModel, actor: string, x: string) => role(t, actor) === "OWNER" || inSubtree(t, actor, x);
/** A goal rooted at `root` is read for `x` when x is in the goal's branch, or above it (then the branch is read). */
export const inGoalBranch = (t: TreeModel, root: string, x: string) => inSubtree(t, root, x) || inSubtree(t, x, root);
/** goal-access.ts canPlanFor: leads a branch, the root seen. */
const managesRoot = (t: TreeModel, actor: string, root: string) => leadsBranch(t, actor) && sees(t, actor, root);

/** The expected outcome of each object-scoped procedure (keys are the procedures of the oracle test). */
export const oracle = {
  memberRead: (t: TreeModel, a: string, m: string): Outcome => resolve(lookup("memberRead", t, a, m), {}),

  memberManage: (t: TreeModel, a: string, m: string): Outcome => resolve(lookup("memberManage", t, a, m), {}),

  memberMove: (t: TreeModel, a: string, m: string, newParent: string): Outcome => {
    const managed = oracle.memberManage(t, a, m);
    if (managed !== "ok") return managed;
    if (!sees(t, a, newParent)) return "NOT_FOUND";
    if (t.nodes.get(m)!.parentId === newParent) return "ok";
    if (inSubtree(t, m, newParent)) return "BAD_REQUEST";
    return "ok";
  },

  entryRead: (t: TreeModel, a: string, author: string): Outcome => resolve(lookup("entryRead", t, a, author), {}),

  entryChange: (t: TreeModel, a: string, author: string): Outcome =>
    resolve(lookup("entryChange", t, a, author), { uplineEdits: t.uplineCanEditEntries }),

  goalView: (t: TreeModel, a: string, root: string): Outcome => resolve(lookup("goalView", t, a, root), {}),

  goalSubtreeRead: (t: TreeModel, a: string, root: string, x: string): Outcome => {
    const g = oracle.goalView(t, a, root);
    if (g !== "ok") return g;
    return sees(t, a, x) && inGoalBranch(t, root, x) ? "ok" : "NOT_FOUND";
  },

  goalChange: (t: TreeModel, a: string, root: string): Outcome => resolve(lookup("goalChange", t, a, root), {}),

  goalPropose: (t: TreeModel, a: string, root: string): Outcome => resolve(lookup("goalPropose", t, a, root), {}),

  reviewStart: (t: TreeModel, a: string, root: string, x: string): Outcome => {
    const g = oracle.goalView(t, a, root);
    if (g !== "ok") return g;
    if (!sees(t, a, x) || !inGoalBranch(t, root, x)) return "NOT_FOUND";
    return resolve(lookup("reviewStart", t, a, root), {});
  },

  proposalDecide: (t: TreeModel, a: string, proposer: string, goalRoot: string): Outcome =>
    resolve(lookup("proposalDecide", t, a, proposer), { managesGoal: managesRoot(t, a, goalRoot) }),

  reviewRead: (t: TreeModel, a: string, x: string): Outcome => resolve(lookup("reviewRead", t, a, x), {}),

  reviewClose: (t: TreeModel, a: string, x: string, closed: boolean): Outcome => {
    const o = resolve(lookup("reviewClose", t, a, x), {});
    return o === "ok" && closed ? "BAD_REQUEST" : o;
  },

  commitment: (t: TreeModel, a: string, reviewRoot: string, m: string, closed: boolean): Outcome => {
    if (!inSubtree(t, reviewRoot, m)) return "NOT_FOUND";
    const o = resolve(lookup("commitment", t, a, m), {});
    return o === "ok" && closed ? "BAD_REQUEST" : o;
  },

  memberImport: (t: TreeModel, a: string, upline: string): Outcome => resolve(lookup("memberImport", t, a, upline), {}),

  invitationAnswer: (t: TreeModel, a: string, creator: string): Outcome =>
    resolve(lookup("invitationAnswer", t, a, creator), {}),

  inviteRevoke: (t: TreeModel, a: string, creator: string): Outcome =>
    resolve(lookup("inviteRevoke", t, a, creator), {}),

  dayOffRemove: (t: TreeModel, a: string, holder: string): Outcome => resolve(lookup("dayOffRemove", t, a, holder), {}),
};

const HEAD: Record<Relation, string> = {
  owner: "owner (X someone else)",
  leaderSelf: "owner or leader = X",
  memberSelf: "member = X",
  leaderAbove: "leader above X",
  memberAbove: "member above X",
  leaderBelow: "leader below X",
  memberBelow: "member below X",
  leaderElsewhere: "leader elsewhere",
  memberElsewhere: "member elsewhere",
};
const SHOW: Record<Cell, string> = {
  ok: "ok",
  NOT_FOUND: "404",
  FORBIDDEN: "403",
  BAD_REQUEST: "400",
  ROW_ERROR: "row error",
  "ok|FORBIDDEN:uplineEdits": "ok¹",
  "ok|FORBIDDEN:goalRoot": "ok²",
};

/** The table as it stands in docs/RELIABILITY.md (X = the object's node: M, R, P, C or the review's root). */
export function renderPermissionTable(): string {
  const lines = [
    `| object (X) | procedures | "leader" = | ${RELATIONS.map((r) => HEAD[r]).join(" | ")} | also |`,
    `| --- | --- | --- | ${RELATIONS.map(() => "---").join(" | ")} | --- |`,
  ];
  for (const r of Object.values(PERMISSION_TABLE)) {
    const leaders = r.leaders === "branch" ? "leads a branch" : "LEADER role";
    lines.push(
      `| ${r.object} | ${r.procedures.map((p) => `\`${p}\``).join(", ")} | ${leaders} | ${RELATIONS.map((k) => SHOW[r.cells[k]]).join(" | ")} | ${r.note ?? ""} |`,
    );
  }
  return lines.join("\n");
}
