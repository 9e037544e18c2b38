/**
 * The ceiling for `npm run bench:logging`: a bare route handler on the same server, no session, no database.
 * Only when the server runs with BENCH_ROUTES=1 (the benchmark sets it); a 404 otherwise.
 * GET answers a small JSON; POST also reads and parses a JSON body, like a log request.
 */
export const dynamic = "force-dynamic";

const enabled = () => process.env.BENCH_ROUTES === "1";
const notFound = () => new Response("Not found", { status: 404 });

export function GET() {
  if (!enabled()) return notFound();
  return Response.json({ ok: true });
}

export async function POST(request: Request) {
  if (!enabled()) return notFound();
  const body = (await request.json()) as { json?: { entries?: unknown[] } };
  return Response.json({ ok: true, entries: body.json?.entries?.length ?? 0 });
}
