/**
 * Issue 16 journeys: nobody joins a team without a verified address and their own yes.
 *
 * - sign-up → verify → join: a password account that has not opened its verification link is asked to verify
 *   first on the invite page (with "send the link again"); after the link it joins.
 * - import → invitation → accept: a leader's import emails an invitation; the person accepts it on the teams page
 *   and only then is in the team, under their own name.
 *
 * Teams and invites are made through the API (the owner's session), so the journeys under test are the only UI.
 * Mail is read from the e2e SMTP server (e2e/mail.ts).
 */
import type { Browser, Page } from "@playwright/test";
import {
  expect,
  expectAccessible,
  login,
  onRunClock,
  signUp,
  submitSignUp,
  test,
  uniqueEmail,
  type TestUser,
} from "./fixtures";
import { waitForMail } from "./mail";

/** A tRPC mutation over HTTP with the page's session (superjson's envelope). */
async function api<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(res.ok(), `${path}: HTTP ${res.status()} ${await res.text()}`).toBe(true);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** A tRPC query over HTTP (GET) with the page's session. */
async function query<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(res.ok(), `${path}: HTTP ${res.status()} ${await res.text()}`).toBe(true);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function newTeam(page: Page): Promise<{ id: string; slug: string; name: string }> {
  return api(page, "team.create", {
    name: `Consent ${Date.now().toString(36)}`,
    currency: "GBP",
    timeZone: "Europe/London",
    weekStartsOn: 1,
    workingDays: [1, 2, 3, 4, 5],
  });
}

async function newPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL });
  return { context, page: await onRunClock(await context.newPage()) };
}

test("@desktop sign-up → verify → join: an unverified account is asked to verify its email first", async ({
  page,
  browser,
  baseURL,
  freshUser: _owner,
}) => {
  const team = await newTeam(page);
  const invite = await api<{ token: string }>(page, "invite.create", { teamId: team.id, maxUses: null });
  const link = `/join/${invite.token}`;

  const second = await newPage(browser, baseURL);
  try {
    const joiner: TestUser = { name: "Vera Verify", email: uniqueEmail("vera"), password: "vera-password-12" };
    const p = second.page;
    await p.goto(link);
    await p.getByRole("link", { name: "Create an account" }).click();
    await submitSignUp(p, joiner);
    await expect(p.getByRole("status")).toContainText(joiner.email);

    // Signed in with the password but not verified: the invite page asks for the link first.
    await login(p, joiner.email, joiner.password);
    await p.goto(link);
    await expect(p.getByText("Verify your email first")).toBeVisible();
    await expect(p.getByRole("button", { name: `Join ${team.name}` })).toHaveCount(0);
    await expectAccessible(p);
    await p.getByRole("button", { name: "Send the link again" }).click();
    await expect(p.getByText("A new link is on its way.")).toBeVisible();

    // The link from the email confirms the address and leads back to the invite.
    const verify = await waitForMail(joiner.email, /(http\S+\/verify-email\?\S+)/);
    await p.goto(new URL(verify).pathname + new URL(verify).search);
    await expect(p.getByText("Your email is confirmed.")).toBeVisible();
    await p.getByRole("link", { name: "Sign in to continue" }).click();
    await expect(p).toHaveURL(new RegExp(`${link}$`));
    await p.getByRole("button", { name: `Join ${team.name}` }).click();
    await expect(p).toHaveURL(new RegExp(`/${team.slug}/team$`));
    await expect(p.getByRole("treeitem", { name: new RegExp(`^${joiner.name} \\(you\\),`) })).toBeVisible();
  } finally {
    await second.context.close();
  }
});

test("@desktop import → invitation → accept: the person joins only by saying yes", async ({
  page,
  browser,
  baseURL,
  freshUser: owner,
}) => {
  const team = await newTeam(page);
  const second = await newPage(browser, baseURL);
  try {
    const invitee: TestUser = { name: "Ian Invitee", email: uniqueEmail("ian"), password: "ian-password-123" };
    const p = second.page;
    await signUp(p, invitee);
    await expect(p).toHaveURL(/\/teams$/);

    // The owner imports a row with the invitee's address and a name of their own choosing.
    const csv = `name,email,upline email\nSomebody Typed,${invitee.email},${owner.email}`;
    const result = await api<{ committed: boolean; invited: number }>(page, "member.import", {
      teamId: team.id,
      csv,
      commit: true,
    });
    expect(result).toMatchObject({ committed: true, invited: 1 });
    // Not in the team yet.
    const tree = await query<{ nodes: { name: string }[] }>(page, "member.tree", { teamId: team.id });
    expect(tree.nodes.map((n) => n.name)).toEqual([owner.name]);
    // An email with the invitation.
    expect(await waitForMail(invitee.email, /(\/join\/[A-Za-z0-9_-]{43})/)).toMatch(/^\/join\//);

    // On the teams page: the invitation, to accept or decline.
    await p.reload();
    const invitation = p.getByRole("listitem", { name: `Invitation to ${team.name}` });
    await expect(invitation).toContainText(`You would join under ${owner.name}.`);
    await expectAccessible(p);
    await invitation.getByRole("button", { name: "Accept" }).click();
    await expect(p).toHaveURL(new RegExp(`/${team.slug}/team$`));
    await expect(p.getByRole("treeitem", { name: new RegExp(`^${invitee.name} \\(you\\),`) })).toBeVisible();
    const after = await query<{ nodes: { name: string }[] }>(page, "member.tree", { teamId: team.id });
    expect(after.nodes.map((n) => n.name).sort()).toEqual([invitee.name, owner.name].sort());
  } finally {
    await second.context.close();
  }
});
