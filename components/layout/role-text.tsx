import { cn } from "@/components/ui/cn";
import type { TeamRole } from "./team-context";

export const ROLE_LABELS: Record<TeamRole, string> = { OWNER: "Owner", LEADER: "Leader", MEMBER: "Member" };

export function RoleText({ role }: { role: TeamRole }) {
  return <>{ROLE_LABELS[role]}</>;
}

const badgeStyles: Record<TeamRole, string> = {
  OWNER: "border-brand-600 bg-brand-50 text-brand-800",
  LEADER: "border-amber-700 bg-amber-50 text-amber-900",
  MEMBER: "border-slate-400 bg-white text-slate-700",
};

/** A role shown as a word (never by colour alone), with a light tint. */
export function RoleBadge({ role, id, className }: { role: TeamRole; id?: string; className?: string }) {
  return (
    <span
      id={id}
      className={cn(
        "inline-flex shrink-0 items-center rounded-full border px-2 text-xs leading-5 font-medium",
        badgeStyles[role],
        className,
      )}
    >
      {ROLE_LABELS[role]}
    </span>
  );
}
