/**
 * A member's day, for one metric, totals at most `MAX_DAY_TOTAL` (DailyTotal.total is a 32-bit integer column; the
 * largest amount the app stores anywhere). Logging refuses the entries that would pass it, one by one (the logging
 * statement checks it, server/queries/entry-log.ts); an edit that would is a 400. Should two requests race past the
 * check, PostgreSQL's "integer out of range" is still answered as a 400 here, never an internal error.
 */
import { MAX_STORED_AMOUNT } from "@/server/domain/money";
import { badRequest } from "@/server/errors";

export const MAX_DAY_TOTAL = MAX_STORED_AMOUNT;

export function dayTotalTooLargeMessage(metricName: string, day: string): string {
  return `${metricName} on ${day} would pass the largest total a day can hold: this amount is too large to log.`;
}

/** True for PostgreSQL's numeric_value_out_of_range (22003), however the driver adapter wraps it. */
export function isOutOfRange(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const meta = (error as { meta?: unknown }).meta;
  try {
    return JSON.stringify(meta ?? {}).includes('"22003"');
  } catch {
    return false;
  }
}

/** Runs `write`, turning an integer overflow of a total into a clear 400. */
export async function refusingOverflow<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isOutOfRange(error)) {
      throw badRequest("That amount would make a day's total too large to store.", "amount");
    }
    throw error;
  }
}
