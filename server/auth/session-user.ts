/** The signed-in user as the app sees it: read from the session by server/auth.ts, carried on the tRPC context. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
}
