/**
 * Start-up checks of the Node.js server (imported by instrumentation.ts when the server starts), each printing its
 * reason and exiting with status 1:
 * - the environment is valid (env.ts: every variable's schema), so a bad value stops the start, not a request;
 * - a production server refuses a pinned clock (BACKPLAN_NOW) unless BACKPLAN_DEMO=1 or BACKPLAN_TEST=1 says it is
 *   not a real deployment.
 */
try {
  await import("@/env");
  // Loading the clock checks the environment (and would throw the same error on every request otherwise).
  const { assertClockAllowed } = await import("./clock");
  assertClockAllowed();
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

export {};
