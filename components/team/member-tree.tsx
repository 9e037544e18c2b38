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
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { MemberRow, treeItemDomId, type MemberAction } from "./member-row";
import type { RowPermissions } from "./permissions";
import type { TreeIndex, VisibleRow } from "./tree-model";
import type { MemberNode } from "./types";

export { treeItemDomId, type MemberAction };

const PAGE = 200;

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
