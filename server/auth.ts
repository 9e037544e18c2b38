/**
 * next-auth configuration: email + password (argon2id) and email magic links, JWT sessions (so sessions
 * survive restarts and the app stays stateless behind a load balancer; NEXTAUTH_SECRET must be shared).
 */
import "server-only";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import { db } from "@/server/db";
import { backplanAdapter } from "@/server/auth/adapter";
import { env } from "@/env";
import { readRequestUser, SESSION_MAX_AGE } from "@/server/auth/request-user";
import { decodeSessionToken, encodeSessionToken } from "@/server/auth/session-token";
import { randomBytes } from "node:crypto";
import { isSessionCurrent, revokeSession } from "@/server/auth/session-version";
import type { SessionUser } from "@/server/auth/session-user";
import { SIGN_IN_LINK_MINUTES, sendSignInLink } from "@/server/auth/sign-in-email";
import { ZSignInInput } from "@/server/schemas/auth";
import { verifyCredentials } from "@/server/services/auth/verify-credentials";
import { sameOriginRedirect } from "@/components/auth/safe-callback";
import { clientAddress, hitRateLimit, RATE_LIMITS } from "@/server/services/security/rate-limit";
import { signInWithinLimits } from "@/server/services/security/sign-in-limits";

/** The error code the sign-in form shows as "too many attempts". */
export const SIGN_IN_RATE_LIMITED = "RATE_LIMITED";

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
        // Failed attempts per account and per client address; a success does not count (sign-in-limits.ts).
        const outcome = await signInWithinLimits(
          db,
          { email: parsed.data.email, address: clientAddress(req?.headers) },
          () => verifyCredentials(db, parsed.data),
        );
        if (outcome.status === "rate-limited") throw new Error(SIGN_IN_RATE_LIMITED);
        return outcome.status === "signed-in" ? outcome.user : null;
      },
    }),
    EmailProvider({
      from: env.EMAIL_FROM,
      maxAge: SIGN_IN_LINK_MINUTES * 60,
      async sendVerificationRequest({ identifier, url }) {
        // Over the limit: send nothing, and say nothing different (no account enumeration, no mail bombing).
        const limit = await hitRateLimit(
          db,
          `magiclink:account:${identifier.toLowerCase()}`,
          RATE_LIMITS.magicLinkAccount,
        );
        if (!limit.allowed) {
          console.warn(`[auth] magic link to ${identifier} not sent: rate limit reached`);
          return;
        }
        await sendSignInLink({ identifier, url });
      },
    }),
  ],
  callbacks: {
    // Same-origin paths only: no control characters, no backslashes (components/auth/safe-callback.ts).
    redirect: ({ url, baseUrl }) => sameOriginRedirect(url, baseUrl),
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.name = user.name;
        token.email = user.email;
        // The session version at sign-in (server/auth/session-version.ts); the credentials and email paths both
        // return it (verify-credentials.ts, adapter.ts).
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        // This session's own id: a plain sign-out revokes it alone (events.signOut below).
        token.sid = randomBytes(18).toString("base64url");
        return token;
      }
      // Pages and next-auth's session endpoint: a revoked session throws here, and next-auth clears its cookie.
      if (
        !token.sub ||
        !(await isSessionCurrent(db, {
          id: token.sub,
          sessionVersion: token.sv as number | undefined,
          sid: typeof token.sid === "string" ? token.sid : undefined,
        }))
      )
        throw new Error("SESSION_REVOKED");
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) {
        const user = session.user as { id?: string; sessionVersion?: number };
        user.id = token.sub;
        user.sessionVersion = typeof token.sv === "number" ? token.sv : 0;
        if (typeof token.sid === "string") (user as { sid?: string }).sid = token.sid;
      }
      return session;
    },
  },
  events: {
    // A plain sign-out ends this session only, everywhere its token was copied (server/auth/session-version.ts).
    // next-auth passes the decoded JWT and clears the cookie whatever happens here.
    signOut: ({ token }) => revokeSession(db, token),
  },
};

/** The signed-in user for server components, route handlers and the tRPC context; null when signed out. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user as
    { id?: string; email?: string | null; name?: string | null; sessionVersion?: number; sid?: string } | undefined;
  if (!user?.id || !user.email) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name ?? user.email,
    sessionVersion: user.sessionVersion ?? 0,
    ...(user.sid ? { sid: user.sid } : {}),
  };
}

/**
 * The signed-in user of an API request (the tRPC context): the session cookie decoded, renewed into `resHeaders`
 * once it is a day old (server/auth/request-user.ts). Falls back to `getServerSession` when no NEXTAUTH_SECRET is
 * set (development, where next-auth makes up a secret of its own).
 */
export async function getRequestUser(req: Request, resHeaders?: Headers): Promise<SessionUser | null> {
  const secret = env.NEXTAUTH_SECRET ?? env.AUTH_SECRET;
  if (!secret) return getSessionUser();
  // next-auth's own choice of cookie (the __Secure- name on https).
  const secureCookie = env.NEXTAUTH_URL?.startsWith("https://") ?? Boolean(env.VERCEL);
  // A renewal (once a day per session) first asks whether the session is still current: one primary-key read a day.
  return readRequestUser(req, { secret, secureCookie, mayRenew: (user) => isSessionCurrent(db, user) }, resHeaders);
}
