/**
 * The one wrapper of the REST route handlers that need a signed-in caller (app/api/log, app/api/export,
 * app/api/teams/<teamId>/entries): it reads the session (a renewed session cookie goes on the answer, as tRPC's
 * context does), refuses a missing one (`signedIn`: 401), turns whatever the handler throws into the error mapping's
 * JSON `{ error }` answer, and marks every answer `Cache-Control: no-store`. The team rules stay with the handler
 * (`resolveTeamCaller`, server/api/team-caller.ts), which knows where its team id comes from.
 */
import { errorResponse } from "@/server/api/error-mapping";
import { signedIn } from "@/server/api/team-caller";
import type { SessionUser } from "@/server/auth/session-user";

/** The session's user (server/auth.ts `getRequestUser`, the tRPC context's reader); a renewed cookie goes in resHeaders. */
export type RequestUserReader = (req: Request, resHeaders: Headers) => Promise<SessionUser | null>;

export function sessionRoute<Args extends unknown[]>(
  getUser: RequestUserReader,
  handle: (req: Request, user: SessionUser, ...args: Args) => Promise<Response>,
): (req: Request, ...args: Args) => Promise<Response> {
  return async (req, ...args) => {
    const resHeaders = new Headers({ "Cache-Control": "no-store" });
    let response: Response;
    try {
      response = await handle(req, signedIn(await getUser(req, resHeaders)), ...args);
    } catch (error) {
      response = errorResponse(error);
    }
    resHeaders.forEach((value, key) => {
      if (key === "set-cookie" || !response.headers.has(key)) response.headers.append(key, value);
    });
    return response;
  };
}
