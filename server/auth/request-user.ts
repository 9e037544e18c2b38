/**
 * The signed-in user of an API request, read straight from next-auth's session cookie (server/auth.ts's
 * `getRequestUser` calls it with the configured secret). Unlike `getServerSession` it does not re-issue the cookie
 * on every call — only when the cookie is more than a day old (into `resHeaders`), which keeps the 30-day session
 * rolling for members who use the app, at one token encode per member a day. Same cookie name and format, same
 * expiry check.
 */
import { getToken } from "next-auth/jwt";
import { decodeSessionToken, encodeSessionToken } from "@/server/auth/session-token";
import type { SessionUser } from "@/server/auth/session-user";
import * as clock from "@/server/clock";

/** A session lasts this long after the last renewal of its cookie (seconds). */
export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;
/** An API call renews a session cookie older than this (next-auth's `updateAge` default): a rolling session. */
const SESSION_RENEW_AFTER = 24 * 60 * 60;

/** next-auth's own choice of cookie: the __Secure- name on https. */
export const sessionCookieName = (secureCookie: boolean) =>
  secureCookie ? "__Secure-next-auth.session-token" : "next-auth.session-token";

export async function readRequestUser(
  req: Request,
  options: {
    secret: string;
    secureCookie: boolean;
    /**
     * Asked before a renewal (at most once a day per session): a signed-out or outdated session is never re-issued,
     * so a copied token cannot outlive its revocation by renewing itself.
     */
    mayRenew?: (user: SessionUser) => Promise<boolean>;
  },
  resHeaders?: Headers,
): Promise<SessionUser | null> {
  const { secret, secureCookie } = options;
  const cookieName = sessionCookieName(secureCookie);
  // The cookie header only: no headers for getToken (it would also accept an Authorization bearer token, which
  // sessions never did), and no Request clone (that would consume the body the tRPC handler still has to read).
  const cookies = parseCookieHeader(req.headers.get("cookie"));
  const token = await getToken({
    req: { cookies, headers: new Headers() } as unknown as Parameters<typeof getToken>[0]["req"],
    secret,
    secureCookie,
    cookieName,
    decode: decodeSessionToken,
  });
  if (!token?.sub || typeof token.email !== "string" || !token.email) return null;
  const name = typeof token.name === "string" ? token.name : token.email;
  // Checked against User.sessionVersion by the first query of the request (server/auth/session-version.ts).
  const sessionVersion = typeof token.sv === "number" ? token.sv : 0;
  const sid = typeof token.sid === "string" && token.sid ? token.sid : undefined;
  const user: SessionUser = { id: token.sub, email: token.email, name, sessionVersion, ...(sid ? { sid } : {}) };
  const now = Math.floor(clock.nowMs() / 1000);
  const due = typeof token.iat === "number" && now - token.iat > SESSION_RENEW_AFTER;
  if (resHeaders && due && (!options.mayRenew || (await options.mayRenew(user)))) {
    const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
    const fresh = await encodeSessionToken({ token: claims, secret, maxAge: SESSION_MAX_AGE });
    const expires = new Date((now + SESSION_MAX_AGE) * 1000).toUTCString();
    resHeaders.append(
      "set-cookie",
      `${cookieName}=${fresh}; Path=/; Expires=${expires}; HttpOnly; SameSite=Lax${secureCookie ? "; Secure" : ""}`,
    );
  }
  return user;
}

/** `a=1; b=2` → Map { a → 1, b → 2 } (values URI-decoded when they are encoded, as Next's request cookies do). */
function parseCookieHeader(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header?.split(";") ?? []) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    const raw = part.slice(at + 1).trim();
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // not encoded
    }
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}
