/**
 * Runs once when a Next.js server starts, before it serves anything: the Node.js server's start-up checks
 * (server/startup-checks.ts). Loaded only in the Node.js runtime, as Next's docs advise for Node-only code.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./server/startup-checks");
}
