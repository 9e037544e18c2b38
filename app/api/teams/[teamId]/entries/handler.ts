/**
 * GET /api/teams/<teamId>/entries — the owner downloads every entry of the team as CSV (streamed), removed members
 * included. The team rules of every other entry point (server/api/team-caller.ts): 401 without a session or with a
 * revoked one (an older session version, a signed-out session), 400 for a bad team id, 404 for a team the caller is
 * not an active member of; then 403 for a member who is not the owner (checked by the service before any byte is
 * sent). Errors are JSON `{ error }` (server/api/error-mapping.ts). Built from its dependencies so tests call it with
 * real Requests (route.ts wires the app's database and session).
 */
import { sessionRoute, type RequestUserReader } from "@/server/api/session-route";
import { resolveTeamCaller, ZTeamInput } from "@/server/api/team-caller";
import type { Db } from "@/server/db-client";
import { exportEntriesCsv } from "@/server/services/team/export-entries";

export function createEntriesExportHandler(deps: { db: Db; getUser: RequestUserReader }) {
  return sessionRoute(deps.getUser, async (_req, user, teamId: string) => {
    const scope = await resolveTeamCaller(deps.db, user, ZTeamInput.parse({ teamId }).teamId);
    const chunks = exportEntriesCsv(deps.db, scope);
    const first = await chunks.next(); // the owner check runs here, before any byte is sent
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
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${scope.team.slug}-entries-${scope.today}.csv"`,
      },
    });
  });
}
