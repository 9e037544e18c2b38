"use client";
/**
 * "Sign out" in the account menu; next-auth's client is loaded only when it is used. Signing out also removes the
 * Log's and the names list's data from this device (a shared phone must not show the last member's numbers or
 * names), after asking when entries logged or people added here have not reached the server yet, and turns push off
 * on this device (the next person on it must not get the last member's notifications).
 */
import { LogOut } from "lucide-react";
import { clearLogDeviceData, hasUnsentLogEntries } from "@/components/log/device-data";
import { clearNamesDeviceData, hasUnsentNames } from "@/components/names/device-data";
import { shellMenuItem } from "./menu-styles";

export const UNSENT_ON_SIGN_OUT =
  "Some entries logged on this device have not reached the server yet. Signing out now deletes them from this device. Sign out anyway?";

export const UNSENT_NAMES_ON_SIGN_OUT =
  "Some people added to your names list on this device have not reached the server yet. Signing out now deletes them from this device. Sign out anyway?";
export const UNSENT_BOTH_ON_SIGN_OUT =
  "Some entries and people added to your names list on this device have not reached the server yet. Signing out now deletes them from this device. Sign out anyway?";

/** The question asked before signing out deletes what this device still holds unsent (null: nothing is). */
export function unsentOnSignOut(logEntries: boolean, names: boolean): string | null {
  if (logEntries && names) return UNSENT_BOTH_ON_SIGN_OUT;
  if (logEntries) return UNSENT_ON_SIGN_OUT;
  if (names) return UNSENT_NAMES_ON_SIGN_OUT;
  return null;
}

/** Forgets this device's push subscription, on the server (while still signed in) and in the browser. */
async function turnOffPushHere(): Promise<void> {
  try {
    if (!("serviceWorker" in navigator)) return;
    const registration = await navigator.serviceWorker.getRegistration();
    const subscription = await registration?.pushManager.getSubscription();
    if (!subscription) return;
    const { lightClient } = await import("@/trpc/light");
    await lightClient.push.unsubscribe({ endpoint: subscription.endpoint }).catch(() => undefined);
    await subscription.unsubscribe();
  } catch {
    // Push is not available here: nothing to turn off.
  }
}

async function signOutHere() {
  const unsent = unsentOnSignOut(hasUnsentLogEntries(), hasUnsentNames());
  if (unsent && !window.confirm(unsent)) return;
  await turnOffPushHere();
  const { signOut } = await import("next-auth/react");
  // The session ends first, so nothing the open page still fetches can write the member's numbers back; then the
  // device data goes, and a full navigation closes the page's own hold on the queue's database (its deletion
  // completes then).
  await signOut({ redirect: false });
  await Promise.all([clearLogDeviceData(), clearNamesDeviceData()]);
  window.location.replace("/signin");
}

export function SignOutItem() {
  return (
    <button type="button" role="menuitem" tabIndex={-1} className={shellMenuItem} onClick={() => void signOutHere()}>
      <LogOut aria-hidden className="size-4 shrink-0" />
      Sign out
    </button>
  );
}
