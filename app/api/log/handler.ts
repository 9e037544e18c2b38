/**
 * POST /api/log — the Log's write path (issue 21): the same input, access rules and service as the tRPC procedure
 * `entry.log`, without tRPC's per-request machinery (batching layer, superjson, middleware chain). Built from its
 * dependencies so tests call it with real Requests (route.ts wires the app's database and session).
 *
 *   POST /api/log   content-type: application/json   { "teamId": "…", "entries": [{ "id", "metricId", "amount", … }] }
 *   200 { today, results, created, celebrations }   (`LogEntriesResult`, plain JSON)
 *   4xx/5xx { error }                               (server/api/error-mapping.ts: the same messages as tRPC)
 *
 * In order, as `teamProcedure` + `entry.log` check them: 415 unless the body is declared JSON (a cross-site form can
 * only post form types without a preflight: this is the CSRF guard, besides the SameSite=Lax cookie); 413 for a body
 * over `MAX_LOG_BODY_BYTES` (refused before it is read or parsed); 401 without a session; 400 for a bad team id; the
 * caller's scope (server/api/team-caller.ts: 404 for a team you are not an active member of, 401 for a revoked
 * session); 400 for bad entries (zod's sentence); then `logEntries`. Nothing on this path is rate-limited (neither is
 * `entry.log`); a service's TOO_MANY_REQUESTS would still be a 429 through the error mapping.
 */
import { boundedText, declaredOver } from "@/server/api/bounded-body";
import { jsonErrorResponse } from "@/server/api/error-mapping";
import { sessionRoute, type RequestUserReader } from "@/server/api/session-route";
import { resolveTeamCaller, ZTeamInput } from "@/server/api/team-caller";
import type { Db } from "@/server/db-client";
import { MAX_ENTRIES_PER_BATCH, ZLogEntriesInput } from "@/server/schemas/entry";
import { logEntries } from "@/server/services/entry/log-entries";

/**
 * The largest body accepted: a full batch (200 entries) with every field at its longest — 280-character notes
 * included, even when JSON escapes every character — is well under it (handler.integration.test.ts).
 */
export const MAX_LOG_BODY_BYTES = 1024 * 1024;

export const NOT_JSON_MESSAGE = "Send the entries as JSON (content-type: application/json).";
export const TOO_LARGE_MESSAGE = `Too much at once: send at most ${MAX_ENTRIES_PER_BATCH} entries a request.`;
export const BAD_JSON_MESSAGE = "Invalid input — the body is not valid JSON";

const isJson = (contentType: string | null) => {
  if (!contentType) return false;
  const semi = contentType.indexOf(";");
  return (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase() === "application/json";
};

export function createLogHandler(deps: { db: Db; getUser: RequestUserReader }) {
  const handle = sessionRoute(deps.getUser, async (req, user) => {
    const text = await boundedText(req, MAX_LOG_BODY_BYTES);
    if (text === null) return jsonErrorResponse(413, TOO_LARGE_MESSAGE);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return jsonErrorResponse(400, BAD_JSON_MESSAGE);
    }
    // The order of `teamProcedure` + `entry.log`: the team id, the caller's scope, then the entries.
    const { teamId } = ZTeamInput.parse(body);
    const scope = await resolveTeamCaller(deps.db, user, teamId);
    const input = ZLogEntriesInput.parse(body);
    return Response.json(await logEntries(deps.db, scope, input));
  });
  return async (req: Request): Promise<Response> => {
    if (!isJson(req.headers.get("content-type"))) return jsonErrorResponse(415, NOT_JSON_MESSAGE);
    if (declaredOver(req, MAX_LOG_BODY_BYTES)) return jsonErrorResponse(413, TOO_LARGE_MESSAGE);
    return handle(req);
  };
}
