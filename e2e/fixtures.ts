/**
 * Shared Playwright helpers and fixtures for every e2e spec. Import `test` and `expect` from here:
 *
 *   import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";
 *
 *   test("@phone Nina logs a call", async ({ page }) => {
 *     await signIn(page, DEMO.nina.email);             // a minted session cookie: no sign-in page
 *     await page.goto(`/${DEMO.teamSlug}/log`);
 *   });
 *
 *   test("@desktop a brand-new user", async ({ page, freshUser }) => {
 *     // `freshUser` signed up through /signup in this page and is signed in (on /teams, no team yet).
 *   });
 *
 * - `signIn(page, email, password = "backplan-demo")` — signs in by putting the session cookie next-auth would set in
 *   the page's browser context (minted with the e2e server's secret, e2e/session.ts); navigates nowhere. Use it
 *   unless the sign-in itself is under test.
 * - `login(page, email, password = "backplan-demo")` — fills the password form on /signin and waits until the
 *   browser has left the sign-in page (the app then shows the user's first team, or /teams). For the tests of
 *   signing in (foundation.spec.ts, the invite link's "Sign in").
 * - `signUp(page, user)` — creates an account through /signup (already on a /signup URL, or opens it), opens the
 *   verification link from the email (e2e/mail.ts `waitForMail`) and signs in; waits until signed in.
 * - `freshUser` fixture — `{ name, email, password }` of a new account, signed up in `page` before the test.
 * - `DEMO` — the seeded demo accounts (password `backplan-demo`) and team slug (prisma/demo-accounts.ts).
 * - `expectAccessible(page)` — axe-core check (WCAG 2.x A/AA rules): fails on any serious or critical violation.
 * - `uniqueEmail(prefix)` — an address no other test uses.
 * - Every `page` has Playwright's clock installed at the run's instant (e2e/clock.ts: `e2eNow()`, `e2eToday()`),
 *   the same instant the seed and the server use, so no test depends on the real date.
 *
 * The server is a production build on a freshly seeded PGlite database (scripts/e2e.mjs); tests run one at a time
 * (workers: 1) and share that database, so create your own users/teams when a test changes data, or restore it.
 */
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/demo-accounts";
import { e2eNow } from "./clock";
import { waitForMail } from "./mail";
import { signInContext, signInUser } from "./session";

export { expect };

const [olivia, marcus, nina] = DEMO_ACCOUNTS;
export const DEMO = {
  password: DEMO_PASSWORD,
  teamSlug: "north-star",
  teamName: "North Star Collective",
  /** Team owner, at the root of the 40-member tree. */
  olivia,
  /** A mid-level upline (leader with a downline of 3). */
  marcus,
  /** A member who joined last week. */
  nina,
} as const;

/**
 * A team bigger than the dashboard sends whole (scripts/e2e.mjs seeds it with scripts/seed-scale.ts: 2,000 members
 * "Member 0" … "Member 1999", four weeks of activity). Its users have no password: sign in with `signInAs`.
 */
export const BIG_TEAM = {
  slug: "scale-2000",
  members: 2000,
  owner: { id: "s2000_u0", email: "member-0@scale-2000.test", name: "Member 0" },
} as const;

export interface TestUser {
  name: string;
  email: string;
  password: string;
}

let counter = 0;
export function uniqueEmail(prefix = "e2e"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 7)}@example.test`;
}

/** Signs in without the form: a minted session cookie in the page's context (e2e/session.ts). */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  const baseURL = test.info().project.use.baseURL ?? `http://localhost:${process.env.E2E_PORT ?? 3100}`;
  await signInContext(page.context(), baseURL, email, password);
}

/** Signs in a seeded user whose id is known (the big team's): a minted session cookie, no password. */
export async function signInAs(page: Page, user: { id: string; email: string; name: string }): Promise<void> {
  const baseURL = test.info().project.use.baseURL ?? `http://localhost:${process.env.E2E_PORT ?? 3100}`;
  await signInUser(page.context(), baseURL, user);
}

/** Signs in through the /signin password form; resolves once the browser has left /signin. */
export async function login(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  if (!new URL(page.url(), "http://x").pathname.startsWith("/signin")) await page.goto("/signin");
  const form = page.getByRole("form", { name: "Sign in with password" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/signin/, { timeout: 20_000 });
}

/**
 * Creates an account through the sign-up form (opens /signup unless already there), opens the verification link
 * from the email (e2e/mail.ts), signs in with the password and waits until signed in — on the sign-up page's
 * `callbackUrl` (an invite link) or /teams.
 */
export async function signUp(page: Page, user: TestUser): Promise<void> {
  await submitSignUp(page, user);
  await verifyAndSignIn(page, user);
}

/** Fills and sends the sign-up form; resolves on its "Check your email" answer (nobody is signed in yet). */
export async function submitSignUp(page: Page, user: TestUser): Promise<void> {
  if (!new URL(page.url(), "http://x").pathname.startsWith("/signup")) await page.goto("/signup");
  const form = page.getByRole("form", { name: "Create an account" });
  await form.getByLabel("Your name").fill(user.name);
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("Password").fill(user.password);
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible({ timeout: 20_000 });
}

/** Opens the verification link mailed to `user`, then signs in with the password (on to the link's callbackUrl). */
export async function verifyAndSignIn(page: Page, user: TestUser): Promise<void> {
  const link = await waitForMail(user.email, /(http\S+\/verify-email\?\S+)/);
  await page.goto(new URL(link).pathname + new URL(link).search);
  await expect(page.getByText("Your email is confirmed.")).toBeVisible();
  await page.getByRole("link", { name: "Sign in to continue" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/); // login() would otherwise open /signin without it
  await login(page, user.email, user.password);
}

/** Puts a page on the run's timeline (e2e/clock.ts), ticking. The `page` fixture does it; call it for pages you open yourself. */
export async function onRunClock(page: Page): Promise<Page> {
  await page.clock.install({ time: e2eNow() });
  return page;
}

/** No serious or critical axe violations (WCAG 2.0/2.1/2.2 A and AA rules) on the page as it is now. */
export async function expectAccessible(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact}: ${v.id} — ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
  expect(serious, `accessibility violations on ${page.url()}`).toEqual([]);
}

export const test = base.extend<{ freshUser: TestUser }>({
  /** Every page runs on the run's timeline (e2e/clock.ts), ticking: the browser's "today" is the server's. */
  page: async ({ page }, use) => {
    await onRunClock(page);
    await use(page);
  },
  freshUser: async ({ page }, use) => {
    const user: TestUser = { name: "Fresh Tester", email: uniqueEmail("fresh"), password: "fresh-password-123" };
    await signUp(page, user);
    await use(user);
  },
});
