/**
 * The clock: the one place the server, the seeds and the scripts ask what time it is.
 *
 * - `now()` / `nowMs()` — the current instant. Nothing else in server/, prisma/, scripts/, app/, components/ or tests/ may call `Date.now()` or
 *   `new Date()` without arguments (an ESLint rule enforces it); elapsed times use `performance.now()`.
 * - `todayIn(timeZone)` — the calendar day it is now in a zone; `teamToday` / `memberToday` derive from it.
 * - `BACKPLAN_NOW=2027-03-17T09:30:00Z` starts the clock at that instant and lets it tick from there (the e2e and
 *   demo servers use it so the browser's `page.clock` and the server agree). `BACKPLAN_NOW_SINCE` (epoch ms of the
 *   real time at which that instant held; default: when the process started) lets several processes — the seed,
 *   the server and the browser of one e2e run — share one timeline. Production refuses to start with it
 *   unless `BACKPLAN_DEMO=1` or `BACKPLAN_TEST=1` says this is not a real deployment (`assertClockAllowed`).
 * - Tests pin it in-process with `pinClock(instant)` (ticking, or frozen with `{ frozen: true }`); the integration
 *   setup pins every test file to a fixed instant so no test depends on the real date.
 *
 * `createdAt` / `updatedAt` columns filled by the database's `now()` are record-keeping stamps (ordering, audit
 * display); no rule reads them as "now".
 */
import { isoDateInTimeZone, type IsoDate } from "@/server/domain/calendar";

interface Pin {
  /** The pinned instant, ms since the epoch. */
  at: number;
  /** The real instant the pin was made, to tick from; null = frozen. */
  realAt: number | null;
}

let pin: Pin | null = null;

/** Parses an instant written as ISO 8601 with a zone (`2027-03-17T09:30:00Z`, `…+13:00`); throws a clear error otherwise. */
export function parseInstant(value: string, name = "BACKPLAN_NOW"): number {
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value.trim());
  const ms = ok ? Date.parse(value.trim()) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new Error(
      `${name}=${JSON.stringify(value)} is not an instant: write it as ISO 8601 with a zone, e.g. 2027-03-17T09:30:00Z.`,
    );
  }
  return ms;
}

/** Throws when the environment pins the clock in a real production deployment. */
export function assertClockAllowed(env: Record<string, string | undefined> = process.env): void {
  if (!env.BACKPLAN_NOW) return;
  parseInstant(env.BACKPLAN_NOW);
  const exempt = env.BACKPLAN_DEMO === "1" || env.BACKPLAN_TEST === "1" || env.NODE_ENV === "test";
  if (env.NODE_ENV === "production" && !exempt) {
    throw new Error(
      "BACKPLAN_NOW is set in production: it pins the clock for tests and the demo only. Unset it, or set BACKPLAN_DEMO=1 / BACKPLAN_TEST=1 if this is not a real deployment.",
    );
  }
}

function realNow(): number {
  return Date.now();
}

function fromEnvironment(): void {
  const value = typeof process === "undefined" ? undefined : process.env.BACKPLAN_NOW;
  if (!value) return;
  assertClockAllowed();
  const since = Number(process.env.BACKPLAN_NOW_SINCE);
  pin = { at: parseInstant(value), realAt: Number.isFinite(since) && since > 0 ? since : realNow() };
}
fromEnvironment();

/** Milliseconds since the epoch, now. */
export function nowMs(): number {
  if (!pin) return realNow();
  return pin.realAt === null ? pin.at : pin.at + (realNow() - pin.realAt);
}

/** The current instant. */
export function now(): Date {
  return new Date(nowMs());
}

/** The calendar day it is now in an IANA time zone. */
export function todayIn(timeZone: string): IsoDate {
  return isoDateInTimeZone(nowMs(), timeZone);
}

/** A team's "today": the day it is now in the team's time zone (weeks, months and deadlines are counted there). */
export function teamToday(team: { timeZone: string }): IsoDate {
  return todayIn(team.timeZone);
}

/** The zone a member lives in: their own when they set one, else the team's. */
export function memberTimeZone(member: { timeZone?: string | null }, team: { timeZone: string }): string {
  return member.timeZone || team.timeZone;
}

/** A member's "today": the day it is now where the member lives. */
export function memberToday(member: { timeZone?: string | null }, team: { timeZone: string }): IsoDate {
  return todayIn(memberTimeZone(member, team));
}

/**
 * Tests only: pins the clock at `instant` (ISO string, Date or epoch ms). By default it ticks from there, as the
 * real clock does; `{ frozen: true }` stops it. Returns the pinned epoch ms.
 */
export function pinClock(instant: string | Date | number, options: { frozen?: boolean } = {}): number {
  const at =
    typeof instant === "string"
      ? parseInstant(instant, "pinClock")
      : typeof instant === "number"
        ? instant
        : instant.getTime();
  pin = { at, realAt: options.frozen ? null : realNow() };
  return at;
}

/** Tests only: back to the real clock (or the environment's pin). */
export function resetClock(): void {
  pin = null;
  fromEnvironment();
}
