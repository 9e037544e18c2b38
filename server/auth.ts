/**
 * next-auth configuration: email + password (argon2id) and email magic links, JWT sessions (so sessions
 * survive restarts and the app stays stateless behind a load balancer; NEXTAUTH_SECRET must be shared).
 */
import "server-only";
import { getServerSession, type NextAuthOptions } from "next-auth";
import { getToken } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import { db } from "@/server/db";
import { backplanAdapter } from "@/server/auth/adapter";
import { decodeSessionToken, encodeSessionToken } from "@/server/auth/session-token";
import { SIGN_IN_LINK_MINUTES, sendSignInLink } from "@/server/auth/sign-in-email";
import { ZSignInInput } from "@/server/schemas/auth";
import { verifyCredentials } from "@/server/services/auth/verify-credentials";
import { clientAddress, hitRateLimit, RATE_LIMITS } from "@/server/services/security/rate-limit";
import type { SessionUser } from "@/server/api/trpc";
import * as clock from "@/server/clock";

/** The error code the sign-in form shows as "too many attempts". */
export const SIGN_IN_RATE_LIMITED = "RATE_LIMITED";

/** A session lasts this long after the last renewal of its cookie (seconds). */
const SESSION_MAX_AGE = 30 * 24 * 60 * 60;
/** An API call renews a session cookie older than this (next-auth's `updateAge` default): a rolling session. */
const SESSION_RENEW_AFTER = 24 * 60 * 60;

export const authOptions: NextAuthOptions = {
  adapter: backplanAdapter(db),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  // next-auth's token format, with the HKDF-derived key computed once per secret (server/auth/session-token.ts).
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = ZSignInInput.safeParse(credentials);
        if (!parsed.success) return null;
        // Counted whether or not the account exists, so the limit reveals nothing about accounts.
        // Per address only when a proxy tells us the address: lumping unknown clients together would let one
        // of them lock everybody out.
        const address = clientAddress(req?.headers);
        const [byAccount, byAddress] = await Promise.all([
          hitRateLimit(db, `signin:account:${parsed.data.email}`, RATE_LIMITS.signInAccount),
          address === "unknown" ? null : hitRateLimit(db, `signin:address:${address}`, RATE_LIMITS.signInAddress),
        ]);
        if (!byAccount.allowed || byAddress?.allowed === false) throw new Error(SIGN_IN_RATE_LIMITED);
        return verifyCredentials(db, parsed.data);
      },
    }),
    EmailProvider({
      from: process.env.EMAIL_FROM ?? "Backplan <no-reply@backplan.local>",
      maxAge: SIGN_IN_LINK_MINUTES * 60,
      async sendVerificationRequest({ identifier, url }) {
        // Over the limit: send nothing, and say nothing different (no account enumeration, no mail bombing).
        const limit = await hitRateLimit(db, `magiclink:account:${identifier.toLowerCase()}`, RATE_LIMITS.magicLinkAccount);
        if (!limit.allowed) {
          console.warn(`[auth] magic link to ${identifier} not sent: rate limit reached`);
          return;
        }
        await sendSignInLink({ identifier, url });
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.name = user.name;
        token.email = user.email;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};

/** The signed-in user for server components, route handlers and the tRPC context; null when signed out. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: string; email?: string | null; name?: string | null } | undefined;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? user.email };
}

/**
 * The signed-in user of an API request (the tRPC context): the session cookie decoded. Unlike `getServerSession`
 * it does not re-issue the cookie on every call — only when the cookie is more than a day old (into `resHeaders`),
 * which keeps the 30-day session rolling for members who use the app, at one token encode per member a day.
 * Same cookie name and format, same expiry check. Falls back to `getServerSession` when no NEXTAUTH_SECRET is set
 * (development, where next-auth makes up a secret of its own).
 */
export async function getRequestUser(req: Request, resHeaders?: Headers): Promise<SessionUser | null> {
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) return getSessionUser();
  // next-auth's own choice of cookie (the __Secure- name on https).
  const secureCookie = process.env.NEXTAUTH_URL?.startsWith("https://") ?? !!process.env.VERCEL;
  const cookieName = secureCookie ? "__Secure-next-auth.session-token" : "next-auth.session-token";
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
  const now = Math.floor(clock.nowMs() / 1000);
  if (resHeaders && typeof token.iat === "number" && now - token.iat > SESSION_RENEW_AFTER) {
    const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
    const fresh = await encodeSessionToken({ token: claims, secret, maxAge: SESSION_MAX_AGE });
    const expires = new Date((now + SESSION_MAX_AGE) * 1000).toUTCString();
    resHeaders.append("set-cookie", `${cookieName}=${fresh}; Path=/; Expires=${expires}; HttpOnly; SameSite=Lax${secureCookie ? "; Secure" : ""}`);
  }
  const name = typeof token.name === "string" ? token.name : token.email;
  return { id: token.sub, email: token.email, name };
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
