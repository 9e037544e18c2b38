"use client";
/**
 * The Team page: the viewer's upline chain, the tree they may see (the owner: everyone; others: their
 * own subtree) with search, expand/collapse, and the actions their role allows (invite, move, remove,
 * make leader / member). Every mutation refreshes `member.tree` and reports the result in a toast.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useCallback, useMemo } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { QueryState } from "@/components/ui/query-state";
import { useTRPC } from "@/trpc/react";
import { MemberDialogs, useMemberDialogs } from "./member-dialogs";
import { MemberTree, treeItemDomId, type MemberAction } from "./member-tree";
import { canInviteAtAll, rowPermissions, type Viewer } from "./permissions";
import { ExpandCollapseAll } from "./tree-controls";
import { buildTreeIndex, subtreeIds } from "./tree-model";
import type { MemberNode, MemberTree as MemberTreeData } from "./types";
import { useTreeView } from "./use-tree-view";

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

export function TeamPage() {
  const team = useTeam();
  const trpc = useTRPC();
  const tree = useQuery(trpc.member.tree.queryOptions({ teamId: team.id }));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold sm:text-3xl">Team</h1>
          <p className="mt-1 text-slate-700">
            {team.role === "OWNER"
              ? `Everyone in ${team.name}, by upline.`
              : `You and the people below you in ${team.name}.`}
          </p>
        </div>
      </div>
      <QueryState query={tree} variant="card" loading="Loading your team…" error="Could not load the team">
        {(data) => <TeamTreeSection data={data} />}
      </QueryState>
    </div>
  );
}

function TeamTreeSection({ data }: { data: MemberTreeData }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  const index = useMemo(() => buildTreeIndex(data.rootId, data.nodes), [data]);
  const sortedNodes = useMemo(() => [...data.nodes].sort((a, b) => collator.compare(a.name, b.name)), [data]);
  const viewer: Viewer = useMemo(
    () => ({ membershipId: team.membershipId, role: team.role, membersCanInvite: team.membersCanInvite }),
    [team.membershipId, team.role, team.membersCanInvite],
  );
  const mySubtree = useMemo(() => subtreeIds(index, team.membershipId), [index, team.membershipId]);
  const permissionsFor = useCallback(
    (node: MemberNode) => rowPermissions(viewer, node, mySubtree),
    [viewer, mySubtree],
  );
  const view = useTreeView(index);
  const { searching, search, deferredQuery } = view;
  const dialogs = useMemberDialogs();
  const showDialog = dialogs.show;

  const setRole = useMutation(
    trpc.member.setRole.mutationOptions({
      onSuccess: async (result) => {
        const node = index.byId.get(result.id);
        toast.success(
          `${node?.name ?? "They"} ${node ? "is" : "are"} now a ${result.role === "LEADER" ? "leader" : "member"}.`,
        );
        await queryClient.invalidateQueries(trpc.member.tree.pathFilter());
      },
      onError: (err) => toast.error(err.message),
    }),
  );

  const onAction = useCallback(
    (action: MemberAction, node: MemberNode) => {
      const returnFocusTo = treeItemDomId(node.id);
      switch (action) {
        case "invite":
          showDialog({ kind: "invite", parentId: node.id, returnFocusTo });
          break;
        case "move":
          showDialog({ kind: "move", member: node, returnFocusTo });
          break;
        case "weight":
          showDialog({ kind: "weight", member: node, returnFocusTo });
          break;
        case "remove":
          // Their row goes away: return to their upline's row, where their downline now is.
          showDialog({ kind: "remove", member: node, returnFocusTo: treeItemDomId(node.parentId ?? node.id) });
          break;
        case "makeLeader":
        case "makeMember":
          setRole.mutate({ teamId: team.id, memberId: node.id, role: action === "makeLeader" ? "LEADER" : "MEMBER" });
          break;
      }
    },
    [showDialog, setRole, team.id],
  );

  const total = data.nodes.length;

  return (
    <>
      {data.upline.length > 0 && <UplineChain upline={data.upline} />}

      <section aria-labelledby="tree-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="tree-heading" className="text-lg font-semibold">
            {team.role === "OWNER" ? "Whole team" : "You and your downline"}{" "}
            <span className="font-normal text-slate-600">
              ({total.toLocaleString()} {total === 1 ? "person" : "people"})
            </span>
          </h2>
          {canInviteAtAll(viewer) && (
            <Button
              id="invite-button"
              onClick={() =>
                showDialog({ kind: "invite", parentId: team.membershipId, returnFocusTo: "invite-button" })
              }
            >
              <UserPlus aria-hidden className="size-5" />
              Invite people
            </Button>
          )}
        </div>

        {total > 1 && (
          <>
            <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
              <div className="min-w-0 flex-1 space-y-1">
                <label htmlFor="member-search" className="block text-sm font-medium text-slate-800">
                  Find a member
                </label>
                <input
                  id="member-search"
                  type="search"
                  value={view.query}
                  onChange={(e) => view.setQuery(e.target.value)}
                  placeholder="Type a name"
                  autoComplete="off"
                  aria-describedby="member-search-status"
                  className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base placeholder:text-slate-500"
                />
              </div>
              <ExpandCollapseAll
                onExpand={view.expandAll}
                onCollapse={view.collapseAll}
                buttonClassName="flex-1 sm:flex-none"
              />
            </div>
            <p id="member-search-status" role="status" className={searching ? "text-sm text-slate-700" : "sr-only"}>
              {searching
                ? search.matches.size === 0
                  ? `No one matches “${deferredQuery.trim()}”.`
                  : `${search.matches.size.toLocaleString()} ${search.matches.size === 1 ? "person matches" : "people match"} “${deferredQuery.trim()}”.`
                : ""}
            </p>
          </>
        )}

        {view.rows.length > 0 ? (
          <MemberTree
            key={`${deferredQuery.trim()}|${view.viewVersion}`}
            index={index}
            rows={view.rows}
            meId={team.membershipId}
            highlight={searching ? deferredQuery : ""}
            permissionsFor={permissionsFor}
            onToggle={view.toggle}
            onSetExpanded={view.setRowExpanded}
            onAction={onAction}
            labelledBy="tree-heading"
          />
        ) : (
          <p className="text-slate-700">Try another name, or clear the search to see everyone.</p>
        )}
        {total === 1 && !searching && (
          <p className="text-slate-700">
            No one else is here yet.{" "}
            {canInviteAtAll(viewer)
              ? "Use “Invite people” to create a link to send to them."
              : "Your leader can invite people under you."}
          </p>
        )}
      </section>

      <MemberDialogs state={dialogs} index={index} sortedNodes={sortedNodes} viewer={viewer} mySubtree={mySubtree} />
    </>
  );
}

function UplineChain({ upline }: { upline: MemberTreeData["upline"] }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white px-4 py-3 text-slate-800">
      <span className="font-medium">Your upline: </span>
      <ol aria-label="Your upline, nearest first" className="inline">
        {upline.map((person, i) => (
          <li key={person.id} className="inline-block whitespace-nowrap">
            {i > 0 && (
              <span aria-hidden className="px-1 text-slate-500">
                →
              </span>
            )}
            {person.name}
          </li>
        ))}
      </ol>
    </div>
  );
}
