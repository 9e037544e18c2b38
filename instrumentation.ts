/**
 * Runs once when a Next.js server starts (before it serves anything). A production server refuses to start with a
 * pinned clock (BACKPLAN_NOW) unless BACKPLAN_DEMO=1 or BACKPLAN_TEST=1 says it is not a real deployment.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertClockAllowed } = await import("./server/clock");
  try {
    assertClockAllowed();
  } catch (error) {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
