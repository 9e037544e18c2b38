/**
 * Runs once when a Next.js server starts, before it serves anything: the Node.js server's start-up checks
 * (server/startup-checks.ts), then the background-job worker in this process (server/jobs/start-in-app.ts) unless
 * BACKPLAN_WORKER=off. `NEXT_RUNTIME` and `NEXT_PHASE` are Next's own variables. Loaded only in the Node.js runtime,
 * as Next's docs advise for Node-only code.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./server/startup-checks");
    // Not while `next build` prerenders pages (it may load this file too).
    if (process.env.NEXT_PHASE !== "phase-production-build") await import("./server/jobs/start-in-app");
  }
}
