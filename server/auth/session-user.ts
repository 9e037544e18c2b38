/** The signed-in user as the app sees it: read from the session by server/auth.ts, carried on the tRPC context. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /**
   * The user's session version when the session was issued (the JWT's `sv`; absent = 0). A session is valid only
   * while it equals `User.sessionVersion` (server/auth/session-version.ts).
   */
  sessionVersion?: number;
  /**
   * The session's random id (the JWT's `sid`; absent on sessions issued before sessions had one). A plain sign-out
   * records it in `RevokedSession`, which ends this session only (server/auth/session-version.ts).
   */
  sid?: string;
}
