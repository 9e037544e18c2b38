/**
 * The closed days around a member, in ONE query (server/queries/calendar.ts): the team's holidays and the member's
 * own days off in [from, to]. `closedDays` is what the domain's `WorkCalendar.closedDays` takes for that member
 * (holidays ∪ days off).
 */
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import { readClosedDays, type ClosedDayRow } from "@/server/queries/calendar";

export interface ClosedDays {
  /** Team holidays in the range, by day: YYYY-MM-DD → name. */
  holidays: Map<IsoDate, string>;
  /** The member's days off in the range: YYYY-MM-DD → kind (HOLIDAY, SICK, OTHER). */
  daysOff: Map<IsoDate, string>;
  /** Holidays and days off together, sorted. */
  closedDays: IsoDate[];
}

export async function loadClosedDays(
  db: DbClient,
  args: { teamId: string; membershipId?: string | null; from: IsoDate; to: IsoDate },
): Promise<ClosedDays> {
  return closedDaysFromRows(await readClosedDays(db, args));
}

export function closedDaysFromRows(rows: readonly ClosedDayRow[]): ClosedDays {
  const holidays = new Map<IsoDate, string>();
  const daysOff = new Map<IsoDate, string>();
  for (const r of rows) (r.source === "holiday" ? holidays : daysOff).set(r.day, r.label);
  const closedDays = [...new Set([...holidays.keys(), ...daysOff.keys()])].sort();
  return { holidays, daysOff, closedDays };
}
