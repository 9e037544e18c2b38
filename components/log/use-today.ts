"use client";
/** Today in the team's time zone, by the device clock (re-checked every minute, so the page rolls over at midnight). */
import { useCallback, useSyncExternalStore } from "react";
import { isoDateInTimeZone } from "@/server/domain/calendar";

function subscribe(callback: () => void) {
  const timer = window.setInterval(callback, 60_000);
  return () => window.clearInterval(timer);
}

export function useToday(timeZone: string): string {
  const get = useCallback(() => isoDateInTimeZone(Date.now(), timeZone), [timeZone]);
  return useSyncExternalStore(subscribe, get, get);
}
