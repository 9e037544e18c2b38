"use client";
/**
 * Today in a time zone — the member's (their own, else the team's), as the server counts their day — by the device
 * clock (re-checked every minute, so the page rolls over at midnight).
 */
import { useCallback, useSyncExternalStore } from "react";
import * as clock from "@/server/clock";

function subscribe(callback: () => void) {
  const timer = window.setInterval(callback, 60_000);
  return () => window.clearInterval(timer);
}

// React reads the snapshot on every render: work the day out at most once a minute per time zone.
let last = { timeZone: "", minute: -1, day: "" };
function todayIn(timeZone: string): string {
  const minute = Math.floor(clock.nowMs() / 60_000);
  if (last.timeZone !== timeZone || last.minute !== minute) last = { timeZone, minute, day: clock.todayIn(timeZone) };
  return last.day;
}

export function useToday(timeZone: string): string {
  const get = useCallback(() => todayIn(timeZone), [timeZone]);
  return useSyncExternalStore(subscribe, get, get);
}
