/**
 * Start-up checks of the Node.js server (imported by instrumentation.ts when the server starts). A production server
 * refuses to start with a pinned clock (BACKPLAN_NOW) unless BACKPLAN_DEMO=1 or BACKPLAN_TEST=1 says it is not a
 * real deployment: it prints the reason and exits with status 1.
 */
try {
  // Loading the clock checks the environment (and would throw the same error on every request otherwise).
  const { assertClockAllowed } = await import("./clock");
  assertClockAllowed();
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

export {};
