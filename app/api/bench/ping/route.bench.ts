/**
 * The ceiling for `npm run bench:logging`: a bare route handler on the same server, no session, no database.
 * Part of a build only when it is made with BACKPLAN_BENCH=1 (next.config.js `pageExtensions`: this file is
 * `route.bench.ts`), which the benchmarks do (scripts/lib/build.mjs); answered only by a server started with it too.
 * GET answers a small JSON; POST also reads and parses a JSON body, like a log request.
 */
import { env } from "@/env";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404 });

export function GET() {
  if (!env.BACKPLAN_BENCH) return notFound();
  return Response.json({ ok: true });
}

export async function POST(request: Request) {
  if (!env.BACKPLAN_BENCH) return notFound();
  const body = (await request.json()) as { json?: { entries?: unknown[] } };
  return Response.json({ ok: true, entries: body.json?.entries?.length ?? 0 });
}
