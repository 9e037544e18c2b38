/**
 * Signing in without the form: the session cookie next-auth would set after a sign-in, minted with the e2e server's
 * secret (scripts/lib/next-server.ts `mintSessionCookie`, the benchmarks' too) and put in the browser context.
 *
 * A cookie names the user by id, which the database makes up. The first time a worker signs someone in it learns
 * their id from one real sign-in through next-auth's credentials endpoint (no page, no form); every later sign-in is
 * minted. Tokens are stamped by server/clock.ts, which in the worker runs on the same timeline as the server
 * (e2e/clock.ts), so the server never finds them expired or from the future.
 */
import { request as playwrightRequest, type BrowserContext } from "@playwright/test";
import { decodeSessionToken } from "@/server/auth/session-token";
import { mintSessionCookie, SESSION_COOKIE } from "../scripts/lib/next-server";

/** The e2e server's NEXTAUTH_SECRET (playwright.config.ts). */
export const E2E_AUTH_SECRET = "e2e-secret-not-for-production-0123456789";

interface SessionUser {
  id: string;
  email: string;
  name: string;
}

const known = new Map<string, SessionUser>();

/** The user behind an email, from one sign-in through the credentials endpoint (cached for the worker). */
export async function sessionUser(baseURL: string, email: string, password: string): Promise<SessionUser> {
  const cached = known.get(email.toLowerCase());
  if (cached) return cached;
  const api = await playwrightRequest.newContext({ baseURL });
  try {
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await api.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password, json: "true" },
    });
    const cookie = (await api.storageState()).cookies.find((c) => c.name === SESSION_COOKIE);
    if (!cookie) throw new Error(`Signing in ${email} failed (HTTP ${res.status()}): no session cookie.`);
    const token = await decodeSessionToken({ token: cookie.value, secret: E2E_AUTH_SECRET });
    if (!token?.sub || typeof token.email !== "string")
      throw new Error(`Signing in ${email}: the session names nobody.`);
    const user = { id: token.sub, email: token.email, name: typeof token.name === "string" ? token.name : token.email };
    known.set(email.toLowerCase(), user);
    return user;
  } finally {
    await api.dispose();
  }
}

/** Signs `email` in in `context` by setting a minted session cookie; the next page load is signed in. */
export async function signInContext(
  context: BrowserContext,
  baseURL: string,
  email: string,
  password: string,
): Promise<void> {
  await signInUser(context, baseURL, await sessionUser(baseURL, email, password));
}

/** Signs in a user whose id is known (a seeded user without a password, e.g. the big team's: e2e/fixtures.ts). */
export async function signInUser(context: BrowserContext, baseURL: string, user: SessionUser): Promise<void> {
  const cookie = await mintSessionCookie(E2E_AUTH_SECRET, user);
  await context.addCookies([
    {
      name: SESSION_COOKIE,
      value: cookie.slice(SESSION_COOKIE.length + 1),
      url: baseURL,
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
}
