/**
 * GET /api/diagnostics/memory — the server's memory after a full garbage collection, for the soak test's leak
 * check (scripts/reliability/soak.ts, with node --expose-gc). Part of a build only when it is made with
 * BACKPLAN_BENCH=1 (next.config.js `pageExtensions`: this file is `route.bench.ts`), answered only by a server
 * started with it too: it does not exist in production.
 */
import { env } from "@/env";

export const dynamic = "force-dynamic";

export function GET() {
  if (!env.BACKPLAN_BENCH) return new Response("Not found", { status: 404 });
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return Response.json({ collected: Boolean(gc), rss, heapUsed, heapTotal, external });
}
