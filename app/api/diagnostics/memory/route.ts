/**
 * GET /api/diagnostics/memory — the server's memory after a full garbage collection, for the soak test's leak
 * check. Only when the server was started with DIAGNOSTICS=1 (and node --expose-gc); a 404 otherwise, so it does
 * not exist in production.
 */
export const dynamic = "force-dynamic";

export function GET() {
  if (process.env.DIAGNOSTICS !== "1") return new Response("Not found", { status: 404 });
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return Response.json({ collected: Boolean(gc), rss, heapUsed, heapTotal, external });
}
