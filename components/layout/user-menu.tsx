"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { LogOut, Users } from "lucide-react";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { menuContent, menuItem, menuLabel, menuSeparator } from "./menu-styles";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0], parts[0]?.[1]];
  return letters.filter(Boolean).join("").toUpperCase() || "?";
}

/** The header's account menu: who is signed in, "Your teams" and "Sign out". */
export function UserMenu({ user }: { user: { name: string; email: string } }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        // Starts with the initials it shows (WCAG 2.5.3, label in name).
        aria-label={`${initials(user.name)}: account menu for ${user.name}`}
        className="flex size-11 shrink-0 items-center justify-center rounded-full hover:bg-slate-100 data-[state=open]:bg-slate-100"
      >
        <span
          aria-hidden
          className="bg-brand-700 flex size-9 items-center justify-center rounded-full text-sm font-semibold text-white"
        >
          {initials(user.name)}
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className={menuContent}>
          <DropdownMenu.Label className={menuLabel}>
            <span className="block font-medium text-slate-900">{user.name}</span>
            <span className="block truncate">{user.email}</span>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className={menuSeparator} />
          <DropdownMenu.Item asChild className={menuItem}>
            <Link href="/teams">
              <Users aria-hidden className="size-4 shrink-0" />
              Your teams
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item className={menuItem} onSelect={() => void signOut({ callbackUrl: "/signin" })}>
            <LogOut aria-hidden className="size-4 shrink-0" />
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
