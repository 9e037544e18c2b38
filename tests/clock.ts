/**
 * The instant the integration and end-to-end suites run at unless a test pins another (tests/test-now.json): a
 * Wednesday mid-morning in London (10:30 UTC, 23:30 in Auckland), mid-month, inside the demo goal. `BACKPLAN_NOW`
 * overrides it for the e2e suite (README: "Tests at another instant").
 */
import { nowMs, pinClock } from "@/server/clock";
import testNow from "./test-now.json";

export const TEST_NOW: string = testNow.TEST_NOW;

/** Runs `fn` with the clock pinned at `instant`, then puts the clock back where it was (still ticking). */
export async function atInstant<T>(
  instant: string,
  fn: () => Promise<T>,
  options: { frozen?: boolean } = {},
): Promise<T> {
  const before = nowMs();
  pinClock(instant, options);
  try {
    return await fn();
  } finally {
    pinClock(before);
  }
}
