"use client";
/**
 * The team tree as an ARIA tree (flat treeitems with aria-level / aria-posinset / aria-setsize, which is
 * what virtualised trees use): one tab stop (roving tabindex); ↑ ↓ move, → opens or goes to the first
 * child, ← closes or goes to the parent, Home / End jump, Enter opens the row's actions (or toggles a
 * row without actions). Only rows under expanded nodes are built, and at most `limit` are rendered,
 * with "Show more" for the rest (End goes to the last rendered row; ↓ on it renders the next page).
 * Until rows are virtualised (@tanstack/react-virtual), this keeps every keystroke's work bounded.
 * Row menus are real Radix menus only while open; closed rows render a plain button.
 */
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import {
  ArrowRightLeft,
  ChevronDown,
  ChevronRight,
  Ellipsis,
  ShieldCheck,
  ShieldOff,
  UserMinus,
  UserPlus,
} from "lucide-react";
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { menuContent, menuItem, menuLabel, menuSeparator } from "@/components/layout/menu-styles";
import { ROLE_LABELS, RoleBadge } from "@/components/layout/role-text";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { RowPermissions } from "./permissions";
import type { TreeIndex, VisibleRow } from "./tree-model";
import type { MemberNode } from "./types";

export type MemberAction = "invite" | "move" | "remove" | "makeLeader" | "makeMember";

const PAGE = 200;

export const treeItemDomId = (memberId: string) => `member-${memberId}`;

export function MemberTree({
  index,
  rows,
  meId,
  highlight,
  permissionsFor,
  onToggle,
  onSetExpanded,
  onAction,
  labelledBy,
}: {
  index: TreeIndex<MemberNode>;
  rows: readonly VisibleRow[];
  meId: string;
  /** Search text to highlight in names. */
  highlight: string;
  permissionsFor: (node: MemberNode) => RowPermissions;
  onToggle: (id: string) => void;
  onSetExpanded: (id: string, expanded: boolean) => void;
  onAction: (action: MemberAction, node: MemberNode) => void;
  labelledBy: string;
}) {
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);

  const position = useMemo(() => {
    const map = new Map<string, number>();
    rows.forEach((row, i) => map.set(row.id, i));
    return map;
  }, [rows]);

  const shown = rows.slice(0, limit);
  const tabbableId =
    focusedId !== null && (position.get(focusedId) ?? Infinity) < limit ? focusedId : (rows[0]?.id ?? null);

  // Move DOM focus after the row we asked for has rendered (it may have just been revealed).
  useEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    const el = document.getElementById(treeItemDomId(id));
    if (el) {
      pendingFocus.current = null;
      el.focus();
      el.scrollIntoView({ block: "nearest" });
    }
  });

  const focusRow = useCallback(
    (i: number) => {
      const row = rows[Math.max(0, Math.min(rows.length - 1, i))];
      if (!row) return;
      const at = position.get(row.id) ?? 0;
      if (at >= limit) setLimit(Math.ceil((at + 1) / PAGE) * PAGE);
      pendingFocus.current = row.id;
      setFocusedId(row.id);
    },
    [rows, position, limit],
  );

  // Stable row callbacks that always call the latest props, so memoised rows do not re-render for them.
  const latest = useRef({ onToggle, onAction });
  useLayoutEffect(() => {
    latest.current = { onToggle, onAction };
  });

  const onRowFocus = useCallback((id: string) => setFocusedId(id), []);
  const onRowClick = useCallback((id: string) => latest.current.onToggle(id), []);
  const onMenuOpenChange = useCallback((id: string, open: boolean) => setMenuFor(open ? id : null), []);
  const onRowAction = useCallback(
    (action: MemberAction, id: string) => {
      const node = index.byId.get(id);
      if (node) latest.current.onAction(action, node);
    },
    [index],
  );

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    // Only keys pressed on a tree item itself (not in its menu, which is portalled but bubbles here).
    if (target.getAttribute("role") !== "treeitem" || !event.currentTarget.contains(target)) return;
    const id = target.dataset.memberId;
    if (!id) return;
    const i = position.get(id);
    const row = i === undefined ? undefined : rows[i];
    if (i === undefined || !row) return;
    let handled = true;
    switch (event.key) {
      case "ArrowDown":
        focusRow(i + 1);
        break;
      case "ArrowUp":
        focusRow(i - 1);
        break;
      case "Home":
        focusRow(0);
        break;
      case "End":
        focusRow(Math.min(rows.length, limit) - 1);
        break;
      case "ArrowRight":
        if (row.hasChildren && !row.expanded) onSetExpanded(id, true);
        else if (row.expanded) focusRow(i + 1);
        break;
      case "ArrowLeft":
        if (row.expanded) onSetExpanded(id, false);
        else {
          const parentId = index.byId.get(id)?.parentId;
          const parentAt = parentId ? position.get(parentId) : undefined;
          if (parentAt !== undefined) focusRow(parentAt);
        }
        break;
      case "Enter": {
        const node = index.byId.get(id);
        const perms = node ? permissionsFor(node) : undefined;
        if (perms && (perms.manage || perms.inviteUnder)) setMenuFor(id);
        else if (row.hasChildren) onSetExpanded(id, !row.expanded);
        else handled = false;
        break;
      }
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  }

  return (
    <div>
      <div
        role="tree"
        aria-labelledby={labelledBy}
        onKeyDown={onKeyDown}
        className="rounded-xl border border-slate-200 bg-white p-1 shadow-sm"
      >
        {shown.map((row) => {
          const node = index.byId.get(row.id)!;
          return (
            <MemberRow
              key={row.id}
              node={node}
              level={row.level}
              posInSet={row.posInSet}
              setSize={row.setSize}
              hasChildren={row.hasChildren}
              expanded={row.expanded}
              tabbable={row.id === tabbableId}
              isMe={row.id === meId}
              highlight={highlight}
              permissions={permissionsFor(node)}
              menuOpen={menuFor === row.id}
              onFocus={onRowFocus}
              onClick={onRowClick}
              onMenuOpenChange={onMenuOpenChange}
              onAction={onRowAction}
            />
          );
        })}
      </div>
      {rows.length > limit && (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <Button variant="secondary" onClick={() => setLimit((l) => l + PAGE)}>
            Show {Math.min(PAGE, rows.length - limit).toLocaleString()} more
          </Button>
          <p className="text-sm text-slate-600">
            Showing {limit.toLocaleString()} of {rows.length.toLocaleString()} open rows.
          </p>
        </div>
      )}
    </div>
  );
}

interface RowProps {
  node: MemberNode;
  level: number;
  posInSet: number;
  setSize: number;
  hasChildren: boolean;
  expanded: boolean;
  tabbable: boolean;
  isMe: boolean;
  highlight: string;
  permissions: RowPermissions;
  menuOpen: boolean;
  onFocus: (id: string) => void;
  onClick: (id: string) => void;
  onMenuOpenChange: (id: string, open: boolean) => void;
  onAction: (action: MemberAction, id: string) => void;
}

const MemberRow = memo(
  function MemberRow(props: RowProps) {
    const { node, level, posInSet, setSize, hasChildren, expanded, tabbable, isMe, highlight, permissions, menuOpen } =
      props;
    const domId = treeItemDomId(node.id);
    const hasActions = permissions.manage || permissions.inviteUnder;
    const indent = Math.min(level - 1, 12);
    const counts =
      node.descendantCount === 0
        ? "No downline"
        : `${node.childCount.toLocaleString()} direct, ${node.descendantCount.toLocaleString()} in downline`;
    return (
      <div
        // No aria-selected: this tree has no selection (ARIA 1.2 does not require it on treeitem).
        // eslint-disable-next-line jsx-a11y/role-has-required-aria-props
        role="treeitem"
        id={domId}
        data-member-id={node.id}
        aria-level={level}
        aria-posinset={posInSet}
        aria-setsize={setSize}
        aria-expanded={hasChildren ? expanded : undefined}
        // The name reads everything the row shows, in order (WCAG 2.5.3, label in name): "Ana Lopez (you), Leader, 2 direct, 5 in downline".
        aria-label={`${node.name}${isMe ? " (you)" : ""}, ${ROLE_LABELS[node.role]}, ${counts}`}
        tabIndex={tabbable ? 0 : -1}
        onFocus={(e) => {
          if (e.target === e.currentTarget) props.onFocus(node.id);
        }}
        onClick={() => props.onClick(node.id)}
        style={{ "--indent": indent } as React.CSSProperties}
        className={cn(
          "flex min-h-14 cursor-default items-center gap-1 rounded-lg py-1 pr-1 pl-[calc(var(--indent)*0.75rem)] hover:bg-slate-50 sm:pl-[calc(var(--indent)*1.5rem)]",
          "focus-visible:outline-brand-600 focus-visible:outline-2 focus-visible:-outline-offset-2",
          isMe && "bg-brand-50/60",
        )}
      >
        <span aria-hidden className="flex size-8 shrink-0 items-center justify-center text-slate-600">
          {hasChildren ? expanded ? <ChevronDown className="size-5" /> : <ChevronRight className="size-5" /> : null}
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex min-w-0 items-center gap-2">
            <span className="truncate font-medium" title={node.name}>
              <Highlighted text={node.name} query={highlight} />
            </span>{" "}
            {isMe && <span className="shrink-0 text-sm text-slate-600">(you)</span>}
          </div>{" "}
          {/* The spaces between flex items are not rendered, but keep the row's text readable as "Name (you) Role counts". */}
          <div id={`${domId}-meta`} className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm text-slate-600">
            <RoleBadge role={node.role} /> <span>{counts}</span>
          </div>
        </div>
        {hasActions && (
          <RowMenu
            node={node}
            permissions={permissions}
            open={menuOpen}
            onOpenChange={(open) => props.onMenuOpenChange(node.id, open)}
            onAction={(action) => props.onAction(action, node.id)}
          />
        )}
      </div>
    );
  },
  (a, b) =>
    a.node === b.node &&
    a.level === b.level &&
    a.posInSet === b.posInSet &&
    a.setSize === b.setSize &&
    a.hasChildren === b.hasChildren &&
    a.expanded === b.expanded &&
    a.tabbable === b.tabbable &&
    a.isMe === b.isMe &&
    a.highlight === b.highlight &&
    a.permissions.manage === b.permissions.manage &&
    a.permissions.inviteUnder === b.permissions.inviteUnder &&
    a.menuOpen === b.menuOpen &&
    a.onFocus === b.onFocus &&
    a.onClick === b.onClick &&
    a.onMenuOpenChange === b.onMenuOpenChange &&
    a.onAction === b.onAction,
);

function RowMenu({
  node,
  permissions,
  open,
  onOpenChange,
  onAction,
}: {
  node: MemberNode;
  permissions: RowPermissions;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onAction: (action: MemberAction) => void;
}) {
  const label = `Actions for ${node.name}`;
  const triggerClass =
    "flex size-11 shrink-0 items-center justify-center rounded-lg text-slate-700 hover:bg-slate-200 data-[state=open]:bg-slate-200";
  if (!open) {
    // Closed: a plain button (thousands of rows would otherwise each carry a full Radix menu).
    return (
      <button
        type="button"
        tabIndex={-1}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={false}
        className={triggerClass}
        onClick={(e) => {
          e.stopPropagation();
          onOpenChange(true);
        }}
      >
        <Ellipsis aria-hidden className="size-5" />
      </button>
    );
  }
  const firstName = node.name.split(/\s+/)[0] ?? node.name;
  return (
    <DropdownMenu.Root open onOpenChange={onOpenChange} modal={false}>
      <DropdownMenu.Trigger
        tabIndex={-1}
        aria-label={label}
        onClick={(e) => e.stopPropagation()}
        className={triggerClass}
      >
        <Ellipsis aria-hidden className="size-5" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          collisionPadding={8}
          className={menuContent}
          onClick={(e) => e.stopPropagation()}
          onCloseAutoFocus={(event) => {
            // Return to the tree item (the trigger is not a tab stop); a dialog opened from the menu takes focus next.
            event.preventDefault();
            document.getElementById(treeItemDomId(node.id))?.focus();
          }}
        >
          <DropdownMenu.Label className={menuLabel}>{node.name}</DropdownMenu.Label>
          {permissions.inviteUnder && (
            <DropdownMenu.Item className={menuItem} onSelect={() => onAction("invite")}>
              <UserPlus aria-hidden className="size-4 shrink-0" />
              Invite under {firstName}…
            </DropdownMenu.Item>
          )}
          {permissions.manage && (
            <>
              <DropdownMenu.Item className={menuItem} onSelect={() => onAction("move")}>
                <ArrowRightLeft aria-hidden className="size-4 shrink-0" />
                Move…
              </DropdownMenu.Item>
              {node.role === "MEMBER" ? (
                <DropdownMenu.Item className={menuItem} onSelect={() => onAction("makeLeader")}>
                  <ShieldCheck aria-hidden className="size-4 shrink-0" />
                  Make leader
                </DropdownMenu.Item>
              ) : (
                <DropdownMenu.Item className={menuItem} onSelect={() => onAction("makeMember")}>
                  <ShieldOff aria-hidden className="size-4 shrink-0" />
                  Make member
                </DropdownMenu.Item>
              )}
              <DropdownMenu.Separator className={menuSeparator} />
              <DropdownMenu.Item className={cn(menuItem, "text-red-700")} onSelect={() => onAction("remove")}>
                <UserMinus aria-hidden className="size-4 shrink-0" />
                Remove from team…
              </DropdownMenu.Item>
            </>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

function Highlighted({ text, query }: { text: string; query: string }) {
  const q = query.trim().toLocaleLowerCase();
  const at = q ? text.toLocaleLowerCase().indexOf(q) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark className="rounded bg-amber-200 px-0.5 text-slate-900">{text.slice(at, at + q.length)}</mark>
      {text.slice(at + q.length)}
    </>
  );
}
