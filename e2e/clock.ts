/**
 * The e2e run's one timeline: the instant `BACKPLAN_NOW` (default tests/test-now.json) held at the real time
 * `BACKPLAN_NOW_SINCE`, ticking since. scripts/e2e.mjs sets both for the seed and the server; the fixtures install
 * the same instant in each page with `page.clock`, so the Log's day picker, the service worker's page and the
 * server agree on "today". Playwright's runner itself reads the real time here (this is the clock's mirror).
 */
import { readFileSync } from "node:fs";
import { toDbDay } from "@/server/domain/db-day";

const testNow = JSON.parse(readFileSync(new URL("../tests/test-now.json", import.meta.url), "utf8")) as {
  TEST_NOW: string;
};

// Run without scripts/e2e.mjs (`npx playwright test`): fix the timeline here, in the runner, so the workers it
// starts (which inherit the environment) and the web server share it.
process.env.BACKPLAN_NOW ||= testNow.TEST_NOW;
if (!(Number(process.env.BACKPLAN_NOW_SINCE) > 0)) process.env.BACKPLAN_NOW_SINCE = String(Date.now());

export const E2E_CLOCK = { now: process.env.BACKPLAN_NOW, since: Number(process.env.BACKPLAN_NOW_SINCE) };

/** The instant it is now on the run's timeline. */
export function e2eNow(): Date {
  return new Date(Date.parse(E2E_CLOCK.now) + (Date.now() - E2E_CLOCK.since));
}

/** The calendar day of that instant in a time zone. */
export function e2eToday(timeZone = "Europe/London"): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    e2eNow(),
  );
}

/** `days` after `iso` (a calendar day), as a calendar day. */
export function plusDays(iso: string, days: number): string {
  return new Date(toDbDay(iso).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
