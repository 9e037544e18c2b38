"use client";
/**
 * One row of the member tree (a treeitem: name, role, counts) and its actions menu. Rows are memoised: a keystroke
 * re-renders only the rows whose focus or state changed. The menu is a real Radix menu only while open.
 */
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import {
  ArrowRightLeft,
  ChevronDown,
  ChevronRight,
  Ellipsis,
  Scale,
  ShieldCheck,
  ShieldOff,
  UserMinus,
  UserPlus,
} from "lucide-react";
import { memo, type CSSProperties } from "react";
import { menuContent, menuItem, menuLabel, menuSeparator } from "@/components/layout/menu-styles";
import { ROLE_LABELS, RoleBadge } from "@/components/layout/role-text";
import { cn } from "@/components/ui/cn";
import { FULL_TIME_WEIGHT } from "@/server/domain/split-weight";
import type { RowPermissions } from "./permissions";
import { Highlighted } from "./tree-controls";
import type { MemberNode } from "./types";

export type MemberAction = "invite" | "move" | "remove" | "makeLeader" | "makeMember" | "weight";

export const treeItemDomId = (memberId: string) => `member-${memberId}`;

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

export const MemberRow = memo(
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
    // A split weight other than full time is shown (and read) with the counts.
    const weight = node.splitWeight === FULL_TIME_WEIGHT ? null : `weight ${node.splitWeight}%`;
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
        aria-label={`${node.name}${isMe ? " (you)" : ""}, ${ROLE_LABELS[node.role]}, ${counts}${weight ? `, ${weight}` : ""}`}
        tabIndex={tabbable ? 0 : -1}
        onFocus={(e) => {
          if (e.target === e.currentTarget) props.onFocus(node.id);
        }}
        onClick={() => props.onClick(node.id)}
        style={{ "--indent": indent } as CSSProperties}
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
              <Highlighted text={node.name} query={highlight} className="bg-amber-200 px-0.5" />
            </span>{" "}
            {isMe && <span className="shrink-0 text-sm text-slate-600">(you)</span>}
          </div>{" "}
          {/* The spaces between flex items are not rendered, but keep the row's text readable as "Name (you) Role counts". */}
          <div id={`${domId}-meta`} className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm text-slate-600">
            <RoleBadge role={node.role} /> <span>{counts}</span>
            {weight && (
              <>
                {" "}
                <span className="inline-flex items-center gap-1" data-testid="split-weight">
                  <Scale aria-hidden className="size-3.5" />
                  {weight.charAt(0).toUpperCase() + weight.slice(1)}
                </span>
              </>
            )}
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
              <DropdownMenu.Item className={menuItem} onSelect={() => onAction("weight")}>
                <Scale aria-hidden className="size-4 shrink-0" />
                Split weight…
              </DropdownMenu.Item>
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
