"use client";
/**
 * The Team page: the viewer's upline chain, the tree they may see (the owner: everyone; others: their
 * own subtree) with search, expand/collapse, and the actions their role allows (invite, move, remove,
 * make leader / member). Every mutation refreshes `member.tree` and reports the result in a toast.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ChevronsDownUp, ChevronsUpDown, UserPlus } from "lucide-react";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useTRPC } from "@/trpc/react";
import { InviteDialog } from "./invite-dialog";
import { MemberTree, treeItemDomId, type MemberAction } from "./member-tree";
import { MoveMemberDialog } from "./move-member-dialog";
import { canInviteAtAll, rowPermissions, type Viewer } from "./permissions";
import { RemoveMemberDialog } from "./remove-member-dialog";
import {
  allExpandable,
  buildTreeIndex,
  defaultExpanded,
  flattenVisible,
  searchTree,
  subtreeIds,
  type TreeIndex,
} from "./tree-model";
import type { MemberNode, MemberTree as MemberTreeData } from "./types";

type OpenDialog =
  | { kind: "invite"; parentId: string; returnFocusTo: string }
  // The member is a snapshot: a removed member's dialog must outlive their row while it closes.
  | { kind: "move" | "remove"; member: MemberNode; returnFocusTo: string }
  | null;

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
      {tree.isPending ? (
        <Card aria-busy="true">
          <p className="text-slate-700">Loading your team…</p>
        </Card>
      ) : tree.isError ? (
        <Card role="alert" className="space-y-3">
          <p className="font-medium text-red-800">Could not load the team: {tree.error.message}</p>
          <Button variant="secondary" onClick={() => void tree.refetch()}>
            Try again
          </Button>
        </Card>
      ) : (
        <TeamTreeSection data={tree.data} />
      )}
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

  // Expansion: null until the user changes it, meaning "root and first level".
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const openSet = useMemo(() => expanded ?? defaultExpanded(index), [expanded, index]);

  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query);
  const searching = deferredQuery.trim().length > 0;
  const search = useMemo(() => searchTree(index, deferredQuery), [index, deferredQuery]);
  // While searching, everything revealed is open unless the user closes it (reset on each new query).
  const [searchClosed, setSearchClosed] = useState<{ query: string; ids: Set<string> }>({ query: "", ids: new Set() });
  const closedNow = useMemo(
    () => (searchClosed.query === deferredQuery ? searchClosed.ids : new Set<string>()),
    [searchClosed, deferredQuery],
  );

  const rows = useMemo(
    () =>
      searching
        ? flattenVisible(
            index,
            (id) => !closedNow.has(id),
            (id) => search.visible.has(id),
          )
        : flattenVisible(index, (id) => openSet.has(id)),
    [index, searching, search, closedNow, openSet],
  );

  const setRowExpanded = useCallback(
    (id: string, open: boolean) => {
      if (searching) {
        setSearchClosed((prev) => {
          const ids = new Set(prev.query === deferredQuery ? prev.ids : []);
          if (open) ids.delete(id);
          else ids.add(id);
          return { query: deferredQuery, ids };
        });
      } else {
        setExpanded((prev) => {
          const next = new Set(prev ?? defaultExpanded(index));
          if (open) next.add(id);
          else next.delete(id);
          return next;
        });
      }
    },
    [searching, deferredQuery, index],
  );
  const isOpen = useCallback(
    (id: string) => (searching ? !closedNow.has(id) : openSet.has(id)),
    [searching, closedNow, openSet],
  );
  const toggleRow = useCallback(
    (id: string) => {
      if (!index.children.get(id)?.length) return;
      setRowExpanded(id, !isOpen(id));
    },
    [index, isOpen, setRowExpanded],
  );

  // Use the typed query (not the deferred one), so a click right after clearing the box acts on the full tree.
  // A new search or expand/collapse-all starts the rendered list again from its first page.
  const [viewVersion, setViewVersion] = useState(0);
  function expandAll() {
    setViewVersion((v) => v + 1);
    if (query.trim()) setSearchClosed({ query, ids: new Set() });
    else setExpanded(allExpandable(index));
  }
  function collapseAll() {
    setViewVersion((v) => v + 1);
    if (query.trim()) setSearchClosed({ query, ids: new Set(search.visible) });
    else setExpanded(new Set([index.rootId]));
  }

  // The last dialog's payload stays mounted while it closes, so Radix can return focus properly.
  const [dialog, setDialogPayload] = useState<OpenDialog>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [dialogKey, setDialogKey] = useState(0);
  const setDialog = useCallback((next: NonNullable<OpenDialog>) => {
    setDialogPayload(next);
    setDialogKey((k) => k + 1); // a fresh dialog (form state, errors) every time one opens
    setDialogOpen(true);
  }, []);
  const closeDialog = useCallback((open: boolean) => {
    if (!open) setDialogOpen(false);
  }, []);

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
          setDialog({ kind: "invite", parentId: node.id, returnFocusTo });
          break;
        case "move":
          setDialog({ kind: "move", member: node, returnFocusTo });
          break;
        case "remove":
          // Their row goes away: return to their upline's row, where their downline now is.
          setDialog({ kind: "remove", member: node, returnFocusTo: treeItemDomId(node.parentId ?? node.id) });
          break;
        case "makeLeader":
        case "makeMember":
          setRole.mutate({ teamId: team.id, memberId: node.id, role: action === "makeLeader" ? "LEADER" : "MEMBER" });
          break;
      }
    },
    [setDialog, setRole, team.id],
  );

  const total = data.nodes.length;
  const dialogMember =
    dialog && dialog.kind !== "invite" ? (index.byId.get(dialog.member.id) ?? dialog.member) : undefined;

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
              onClick={() => setDialog({ kind: "invite", parentId: team.membershipId, returnFocusTo: "invite-button" })}
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
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                  placeholder="Type a name"
                  autoComplete="off"
                  aria-describedby="member-search-status"
                  className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base placeholder:text-slate-500"
                />
              </div>
              <div className="flex gap-2">
                <Button variant="secondary" onClick={expandAll} className="flex-1 sm:flex-none">
                  <ChevronsUpDown aria-hidden className="size-4" />
                  Expand all
                </Button>
                <Button variant="secondary" onClick={collapseAll} className="flex-1 sm:flex-none">
                  <ChevronsDownUp aria-hidden className="size-4" />
                  Collapse all
                </Button>
              </div>
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

        {rows.length > 0 ? (
          <MemberTree
            key={`${deferredQuery.trim()}|${viewVersion}`}
            index={index}
            rows={rows}
            meId={team.membershipId}
            highlight={searching ? deferredQuery : ""}
            permissionsFor={permissionsFor}
            onToggle={toggleRow}
            onSetExpanded={setRowExpanded}
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

      {dialog?.kind === "invite" && (
        <InviteDialog
          key={dialogKey}
          open={dialogOpen}
          onOpenChange={closeDialog}
          initialParentId={dialog.parentId}
          index={index}
          sortedNodes={inviteCandidates(sortedNodes, viewer, mySubtree)}
          returnFocusTo={dialog.returnFocusTo}
        />
      )}
      {dialog?.kind === "move" && dialogMember && (
        <MoveMemberDialog
          key={dialogKey}
          open={dialogOpen}
          onOpenChange={closeDialog}
          member={dialogMember}
          index={index}
          sortedNodes={moveTargets(sortedNodes, viewer, mySubtree)}
          returnFocusTo={dialog.returnFocusTo}
        />
      )}
      {dialog?.kind === "remove" && dialogMember && (
        <RemoveMemberDialog
          key={dialogKey}
          open={dialogOpen}
          onOpenChange={closeDialog}
          member={dialogMember}
          uplineName={uplineNameOf(index, dialogMember)}
          returnFocusTo={dialog.returnFocusTo}
        />
      )}
    </>
  );
}

/** Owner: anyone; leader: themselves and their downline; member: only themselves. */
function inviteCandidates(sorted: readonly MemberNode[], viewer: Viewer, mySubtree: ReadonlySet<string>): MemberNode[] {
  if (viewer.role === "OWNER") return [...sorted];
  if (viewer.role === "LEADER") return sorted.filter((n) => mySubtree.has(n.id));
  return sorted.filter((n) => n.id === viewer.membershipId);
}

/** A member can be moved under anyone the viewer can see and manage the branch of (self included). */
function moveTargets(sorted: readonly MemberNode[], viewer: Viewer, mySubtree: ReadonlySet<string>): MemberNode[] {
  return viewer.role === "OWNER" ? [...sorted] : sorted.filter((n) => mySubtree.has(n.id));
}

function uplineNameOf(index: TreeIndex<MemberNode>, node: MemberNode): string | undefined {
  return node.parentId ? index.byId.get(node.parentId)?.name : undefined;
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
