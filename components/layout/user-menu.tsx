/**
 * The header's account menu: who is signed in, "Your profile" (inside a team), "Your teams" and "Sign out". A server component: only the small
 * MenuButton (open/close, keyboard) and the sign-out item run in the browser.
 */
import { UserRound, Users } from "lucide-react";
import Link from "next/link";
import { MenuButton } from "./menu-button";
import { menuLabel, menuSeparator, shellMenuItem } from "./menu-styles";
import { SignOutItem } from "./sign-out-item";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0], parts[0]?.[1]];
  return letters.filter(Boolean).join("").toUpperCase() || "?";
}

/** `profileHref`: inside a team, the member's profile there (`/<team>/profile`). */
export function UserMenu({ user, profileHref }: { user: { name: string; email: string }; profileHref?: string }) {
  return (
    <MenuButton
      // Starts with the initials it shows (WCAG 2.5.3, label in name).
      label={`${initials(user.name)}: account menu for ${user.name}`}
      align="end"
      buttonClassName="flex size-11 shrink-0 items-center justify-center rounded-full hover:bg-slate-100 data-[state=open]:bg-slate-100"
      button={
        <span
          aria-hidden
          className="bg-brand-700 flex size-9 items-center justify-center rounded-full text-sm font-semibold text-white"
        >
          {initials(user.name)}
        </span>
      }
    >
      <div role="presentation" className={menuLabel}>
        <span className="block font-medium text-slate-900">{user.name}</span>
        <span className="block truncate">{user.email}</span>
      </div>
      <div role="separator" className={menuSeparator} />
      {profileHref && (
        <Link href={profileHref} role="menuitem" tabIndex={-1} className={shellMenuItem}>
          <UserRound aria-hidden className="size-4 shrink-0" />
          Your profile
        </Link>
      )}
      <Link href="/teams" role="menuitem" tabIndex={-1} className={shellMenuItem}>
        <Users aria-hidden className="size-4 shrink-0" />
        Your teams
      </Link>
      <SignOutItem />
    </MenuButton>
  );
}
