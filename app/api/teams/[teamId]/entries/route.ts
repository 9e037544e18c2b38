/**
 * GET /api/teams/<teamId>/entries — the owner downloads every entry of the team as CSV (streamed), removed
 * members included. Anyone else: 404 for a team they are not in, 403 for a member who is not the owner.
 */
import { getSessionUser } from "@/server/auth";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { exportEntriesCsv } from "@/server/services/team/export-entries";
import { loadTeamAccess } from "@/server/services/team/load-team-access";
import * as clock from "@/server/clock";

export async function GET(_req: Request, { params }: { params: Promise<{ teamId: string }> }) {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to export." }, { status: 401 });
  const { teamId } = await params;
  try {
    const access = await loadTeamAccess(db, { teamId, userId: user.id });
    const chunks = exportEntriesCsv(db, { actor: access.membership });
    const first = await chunks.next(); // the permission check runs here, before any byte is sent
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        if (!first.done) controller.enqueue(encoder.encode(first.value));
      },
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
    });
    const day = clock.teamToday(access.team);
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${access.team.slug}-entries-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) {
      const status = error.code === "NOT_FOUND" ? 404 : error.code === "FORBIDDEN" ? 403 : 400;
      return Response.json({ error: error.message }, { status });
    }
    throw error;
  }
}
