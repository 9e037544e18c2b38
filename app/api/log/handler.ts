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
import { errorResponse, jsonErrorResponse } from "@/server/api/error-mapping";
import { resolveTeamCaller, signedIn, ZTeamInput } from "@/server/api/team-caller";
import type { SessionUser } from "@/server/auth/session-user";
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

/**
 * The body as text, or null when it is larger than `max` bytes. A declared Content-Length bounds what Node's parser
 * lets through, so such a body is read whole; a body without one (chunked) is counted while it streams in.
 */
async function boundedText(req: Request, max: number): Promise<string | null> {
  const declared = req.headers.get("content-length");
  if (declared !== null) return Number(declared) > max ? null : req.text();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function createLogHandler(deps: {
  db: Db;
  /** The session's user (server/auth.ts `getRequestUser`: the tRPC context's reader); a renewed cookie goes in resHeaders. */
  getUser: (req: Request, resHeaders: Headers) => Promise<SessionUser | null>;
}) {
  return async (req: Request): Promise<Response> => {
    if (!isJson(req.headers.get("content-type"))) return jsonErrorResponse(415, NOT_JSON_MESSAGE);
    if (Number(req.headers.get("content-length")) > MAX_LOG_BODY_BYTES)
      return jsonErrorResponse(413, TOO_LARGE_MESSAGE);
    const resHeaders = new Headers({ "Cache-Control": "no-store" });
    let response: Response;
    try {
      const user = signedIn(await deps.getUser(req, resHeaders));
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
      response = Response.json(await logEntries(deps.db, scope, input));
    } catch (error) {
      response = errorResponse(error);
    }
    resHeaders.forEach((value, key) => {
      if (key === "set-cookie" || !response.headers.has(key)) response.headers.append(key, value);
    });
    return response;
  };
}
