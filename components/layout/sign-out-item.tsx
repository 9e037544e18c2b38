"use client";
/** "Sign out" in the account menu; next-auth's client is loaded only when it is used. */
import { LogOut } from "lucide-react";
import { shellMenuItem } from "./menu-button";

export function SignOutItem() {
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className={shellMenuItem}
      onClick={() => void import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/signin" }))}
    >
      <LogOut aria-hidden className="size-4 shrink-0" />
      Sign out
    </button>
  );
}
