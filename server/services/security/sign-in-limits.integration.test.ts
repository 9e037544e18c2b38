/**
 * The limits around signing in and up, through their real call sites: next-auth's credentials `authorize`
 * (server/auth.ts), the `auth.signUp` procedure and the magic-link request route. Successful sign-ins never count
 * toward the lockout; sign-up and magic-link requests are limited per email and per client address; the address is
 * the one the trusted proxies vouch for, never a client's own X-Forwarded-For.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { authOptions, SIGN_IN_RATE_LIMITED } from "@/server/auth";
import { POST as nextAuthPost } from "@/app/api/auth/[...nextauth]/route";
import { DEFAULT_PASSWORD, makeUser, uniqueEmail } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { RATE_LIMITS, setTrustedProxies } from "./rate-limit";
import { magicLinkAddressAllowed } from "./sign-in-limits";

const env = setUpTestDatabase({ tree: "none" });

beforeAll(() => {
  // next-auth's callbacks and the route use the app's database (server/db.ts).
  (globalThis as { backplanDatabase?: unknown }).backplanDatabase = env.database;
});
afterAll(() => {
  delete (globalThis as { backplanDatabase?: unknown }).backplanDatabase;
});
afterEach(() => setTrustedProxies(null));

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize: Authorize = (() => {
  const provider = authOptions.providers.find((p) => p.id === "credentials") as unknown as {
    options: { authorize: Authorize };
  };
  return provider.options.authorize;
})();

describe("password sign-in", () => {
  it("successful sign-ins do not count toward the lockout; failed ones do", async () => {
    const user = await makeUser(env.db);
    const req = { headers: {} };
    for (let i = 0; i < RATE_LIMITS.signInAccount.limit + 5; i++) {
      await expect(authorize({ email: user.email, password: DEFAULT_PASSWORD }, req)).resolves.toMatchObject({
        id: user.id,
      });
    }
    for (let i = 0; i < RATE_LIMITS.signInAccount.limit; i++) {
      await expect(authorize({ email: user.email, password: "wrong-password!" }, req)).resolves.toBeNull();
    }
    await expect(authorize({ email: user.email, password: DEFAULT_PASSWORD }, req)).rejects.toThrow(
      SIGN_IN_RATE_LIMITED,
    );
  });

  it("counts failures per client address as the trusted proxy names it, not as the client says", async () => {
    setTrustedProxies(["10.0.0.0/8"]);
    const limit = RATE_LIMITS.signInAddress.limit;
    for (let i = 0; i < limit; i++) {
      // A different forged hop each time: it must not give a fresh counter.
      const req = { headers: { "x-forwarded-for": `198.18.0.${i}, 203.0.113.50, 10.0.0.1` } };
      await expect(authorize({ email: uniqueEmail(), password: "wrong-password!" }, req)).resolves.toBeNull();
    }
    const user = await makeUser(env.db);
    const req = { headers: { "x-forwarded-for": "198.18.1.1, 203.0.113.50, 10.0.0.1" } };
    await expect(authorize({ email: user.email, password: DEFAULT_PASSWORD }, req)).rejects.toThrow(
      SIGN_IN_RATE_LIMITED,
    );
    // Another client behind the same proxy is not locked out.
    const other = { headers: { "x-forwarded-for": "203.0.113.51, 10.0.0.1" } };
    await expect(authorize({ email: user.email, password: DEFAULT_PASSWORD }, other)).resolves.toMatchObject({
      id: user.id,
    });
  });
});

describe("sign-up", () => {
  const signUp = (email: string, ip?: string) =>
    createCaller({ db: env.db, user: null, ip }).auth.signUp({
      name: "New Person",
      email,
      password: "a-long-enough-password",
    });

  it("is limited per email address", async () => {
    const email = uniqueEmail("signup");
    for (let i = 0; i < RATE_LIMITS.signUpAccount.limit; i++) await signUp(email);
    await expect(signUp(email)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("is limited per client address", async () => {
    setTrustedProxies(["10.0.0.0/8"]);
    for (let i = 0; i < RATE_LIMITS.signUpAddress.limit; i++) await signUp(uniqueEmail("many"), "203.0.113.60");
    await expect(signUp(uniqueEmail("many"), "203.0.113.60")).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await expect(signUp(uniqueEmail("many"), "203.0.113.61")).resolves.toBeDefined();
  });
});

describe("magic-link requests", () => {
  it("are limited per client address at the route", async () => {
    setTrustedProxies(["10.0.0.0/8"]);
    for (let i = 0; i < RATE_LIMITS.magicLinkAddress.limit; i++) {
      expect(await magicLinkAddressAllowed(env.db, "203.0.113.70")).toBe(true);
    }
    const response = await nextAuthPost(
      new Request("http://localhost/api/auth/signin/email", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "203.0.113.70, 10.0.0.9" },
        body: new URLSearchParams({ email: uniqueEmail(), csrfToken: "x", json: "true" }),
      }),
      { params: Promise.resolve({ nextauth: ["signin", "email"] }) },
    );
    expect(response.status).toBe(429);
    expect(((await response.json()) as { url: string }).url).toContain(`error=${SIGN_IN_RATE_LIMITED}`);
  });
});
