/**
 * GET /api/teams/<teamId>/entries — the owner downloads every entry of the team as CSV (streamed), removed
 * members included. Anyone else: 404 for a team they are not in, 403 for a member who is not the owner; errors are
 * JSON `{ error }` (server/api/error-mapping.ts).
 */
import { withErrorResponse } from "@/server/api/error-mapping";
import { getSessionUser } from "@/server/auth";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { exportEntriesCsv } from "@/server/services/team/export-entries";
import { loadTeamScope } from "@/server/services/team/scope";

export const GET = withErrorResponse(async (_req: Request, { params }: { params: Promise<{ teamId: string }> }) => {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to export.");
  const { teamId } = await params;
  const scope = await loadTeamScope(db, { teamId, userId: user.id });
  const chunks = exportEntriesCsv(db, scope);
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
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${scope.team.slug}-entries-${scope.today}.csv"`,
      "cache-control": "no-store",
    },
  });
});
