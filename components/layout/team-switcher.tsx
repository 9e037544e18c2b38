/**
 * The header's team switcher: my teams (the current one ticked) and "Create a team". A server component: only the
 * small MenuButton (open/close, keyboard) runs in the browser.
 */
import { Check, ChevronsUpDown, Plus, Settings } from "lucide-react";
import Link from "next/link";
import { MenuButton } from "./menu-button";
import { menuLabel, menuSeparator, shellMenuItem } from "./menu-styles";
import { RoleText } from "./role-text";
import type { TeamRole } from "./team-context";

export interface TeamSummary {
  id: string;
  slug: string;
  name: string;
  role: TeamRole;
}

export function TeamSwitcher({
  current,
  teams,
  settingsHref,
}: {
  current: TeamSummary;
  teams: TeamSummary[];
  /** The current team's settings page, for those who may change them. */
  settingsHref?: string;
}) {
  return (
    <MenuButton
      align="start"
      buttonClassName="flex min-h-11 max-w-full min-w-0 items-center gap-2 rounded-lg px-2 text-left hover:bg-slate-100 data-[state=open]:bg-slate-100"
      button={
        <>
          <span className="min-w-0">
            <span className="sr-only">Team: </span>
            <span className="block truncate font-semibold" title={current.name}>
              {current.name}
            </span>
          </span>
          <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-slate-600" />
        </>
      }
    >
      <div role="presentation" className={menuLabel}>
        Your teams
      </div>
      {teams.map((team) => (
        <Link key={team.id} href={`/${team.slug}`} role="menuitem" tabIndex={-1} className={shellMenuItem}>
          <Check aria-hidden className={team.id === current.id ? "size-4 shrink-0" : "invisible size-4 shrink-0"} />
          <span className="min-w-0 flex-1 truncate" title={team.name}>
            {team.name}
          </span>
          <span className="text-sm text-slate-600">
            <RoleText role={team.role} />
          </span>
          {team.id === current.id && <span className="sr-only">(current team)</span>}
        </Link>
      ))}
      {settingsHref && (
        <>
          <div role="separator" className={menuSeparator} />
          <Link href={settingsHref} role="menuitem" tabIndex={-1} className={shellMenuItem}>
            <Settings aria-hidden className="size-4 shrink-0" />
            Team settings
          </Link>
        </>
      )}
      <div role="separator" className={menuSeparator} />
      <Link href="/teams" role="menuitem" tabIndex={-1} className={shellMenuItem}>
        <Plus aria-hidden className="size-4 shrink-0" />
        Create a team
      </Link>
    </MenuButton>
  );
}
