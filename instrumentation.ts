/**
 * Runs once when a Next.js server starts (before it serves anything). A production server refuses to start with a
 * pinned clock (BACKPLAN_NOW) unless BACKPLAN_DEMO=1 or BACKPLAN_TEST=1 says it is not a real deployment.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    // Loading the clock checks the environment (and would throw the same error on every request otherwise).
    const { assertClockAllowed } = await import("./server/clock");
    assertClockAllowed();
  } catch (error) {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
