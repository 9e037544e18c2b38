"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Check, ChevronsUpDown, Plus } from "lucide-react";
import Link from "next/link";
import { menuContent, menuItem, menuLabel, menuSeparator } from "./menu-styles";
import { RoleText } from "./role-text";
import type { TeamRole } from "./team-context";

export interface TeamSummary {
  id: string;
  slug: string;
  name: string;
  role: TeamRole;
}

/** The header's team switcher: my teams (the current one ticked) and "Create a team". */
export function TeamSwitcher({ current, teams }: { current: TeamSummary; teams: TeamSummary[] }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="flex min-h-11 max-w-full min-w-0 items-center gap-2 rounded-lg px-2 text-left hover:bg-slate-100 data-[state=open]:bg-slate-100">
        <span className="min-w-0">
          <span className="sr-only">Team: </span>
          <span className="block truncate font-semibold">{current.name}</span>
        </span>
        <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-slate-600" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="start" sideOffset={6} className={menuContent}>
          <DropdownMenu.Label className={menuLabel}>Your teams</DropdownMenu.Label>
          {teams.map((team) => (
            <DropdownMenu.Item key={team.id} asChild className={menuItem}>
              <Link href={`/${team.slug}`}>
                <Check
                  aria-hidden
                  className={team.id === current.id ? "size-4 shrink-0" : "invisible size-4 shrink-0"}
                />
                <span className="min-w-0 flex-1 truncate">{team.name}</span>
                <span className="text-sm text-slate-600">
                  <RoleText role={team.role} />
                </span>
                {team.id === current.id && <span className="sr-only">(current team)</span>}
              </Link>
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className={menuSeparator} />
          <DropdownMenu.Item asChild className={menuItem}>
            <Link href="/teams">
              <Plus aria-hidden className="size-4 shrink-0" />
              Create a team
            </Link>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
