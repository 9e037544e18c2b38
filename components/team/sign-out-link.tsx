"use client";
import { signOut } from "next-auth/react";

/** "Not you? Sign out" — comes back to the same page afterwards. */
export function SignOutButton({ callbackUrl, children }: { callbackUrl: string; children: React.ReactNode }) {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl })}
      className="text-brand-700 hover:text-brand-800 min-h-11 font-medium underline underline-offset-2"
    >
      {children}
    </button>
  );
}
