"use client";
/**
 * The header's bell (issue 20): my unread notifications in this team, as a number beside the bell (text, not a
 * coloured dot alone, and said in the link's name: "Notifications, 3 unread"), leading to the inbox. On every team
 * page, the Log included, so it uses the light client (trpc/light.ts), not the full tRPC + TanStack Query client.
 *
 * The count is polled modestly — on mount, on each navigation, when the window regains focus or the tab becomes
 * visible, and every 60 s while the tab is visible — never over a socket. The inbox says when it changed the count
 * (`announceInboxChanged`), so the bell follows at once.
 */
import { Bell } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { useTeam } from "@/components/layout/team-context";
import { cn } from "@/components/ui/cn";
import { lightClient } from "@/trpc/light";

const POLL_MS = 60_000;
const CHANGED = "backplan:inbox-changed";

/** "Notifications, 3 unread" — what the bell says to a screen reader (and to tests). */
export function bellLabel(label: string): string {
  return `Notifications, ${label === "" ? "none" : label} unread`;
}

/** Tells the bell that notifications were read (the inbox page), so it counts again now. */
export function announceInboxChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

export function NotificationBell() {
  const team = useTeam();
  const pathname = usePathname();
  const href = `/${team.slug}/inbox`;
  const [label, setLabel] = useState("");

  const refresh = useCallback(() => {
    if (document.visibilityState === "hidden") return;
    lightClient.notification
      .unreadCount({ teamId: team.id })
      .then((r) => setLabel(r.label))
      // A failed count keeps the last one: the bell is a hint, never an error on every page.
      .catch(() => undefined);
  }, [team.id]);

  useEffect(() => {
    refresh();
  }, [refresh, pathname]);

  useEffect(() => {
    const timer = window.setInterval(refresh, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") refresh();
    };
    window.addEventListener("focus", refresh);
    window.addEventListener(CHANGED, refresh);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", refresh);
      window.removeEventListener(CHANGED, refresh);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [refresh]);

  const here = pathname === href;
  return (
    <Link
      href={href}
      aria-label={bellLabel(label)}
      aria-current={here ? "page" : undefined}
      data-testid="notification-bell"
      className={cn(
        "relative flex size-11 shrink-0 items-center justify-center rounded-full text-slate-700 hover:bg-slate-100",
        here && "bg-slate-100 text-slate-900",
      )}
    >
      <Bell aria-hidden className="size-6" />
      {label !== "" && (
        <span
          aria-hidden
          className="absolute top-0.5 right-0 flex h-5 min-w-5 items-center justify-center rounded-full bg-red-700 px-1 text-xs leading-none font-semibold text-white tabular-nums ring-2 ring-white"
        >
          {label}
        </span>
      )}
    </Link>
  );
}
