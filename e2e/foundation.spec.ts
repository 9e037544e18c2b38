/**
 * Foundation journeys: sign-up, team creation, invite + join at phone size; the demo sign-in, the 40-member
 * tree, expand/collapse, move (with a refused cycle) and remove on a desktop. Accessibility checks (axe) on
 * the sign-in, sign-up, teams and team pages.
 *
 * The desktop test changes the shared demo tree and puts it back as it was before it ends, so later specs
 * see the seeded team.
 */
import type { Browser, Page } from "@playwright/test";
import {
  DEMO,
  expect,
  expectAccessible,
  login,
  onRunClock,
  signIn,
  signUp,
  test,
  uniqueEmail,
  type TestUser,
} from "./fixtures";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A tree row; its accessible name reads "Name (you), Role, 2 direct, 5 in downline". */
const treeItem = (page: Page, name: string) =>
  page.getByRole("treeitem", { name: new RegExp(`^${escapeRegExp(name)}(,| \\(you\\),)`) });

async function openRowAction(page: Page, memberName: string, action: RegExp) {
  await page.getByRole("button", { name: `Actions for ${memberName}` }).click();
  await page.getByRole("menuitem", { name: action }).click();
}

async function moveMember(page: Page, memberName: string, newUplineName: string) {
  await openRowAction(page, memberName, /^Move/);
  const dialog = page.getByRole("dialog", { name: `Move ${memberName}` });
  await dialog.getByRole("radio", { name: new RegExp(`^${newUplineName}`) }).check();
  await dialog.getByRole("button", { name: `Move ${memberName}` }).click();
  await expect(page.getByText(`Moved ${memberName} under ${newUplineName}.`)).toBeVisible();
  await expect(dialog).toBeHidden();
}

/** Creates an invite link from the open team page (optionally from a member's row menu) and returns it. */
async function createInviteLink(page: Page, options: { under?: string; multiUse?: boolean } = {}): Promise<string> {
  if (options.under) await openRowAction(page, options.under, new RegExp(`^Invite under`));
  else await page.getByRole("button", { name: "Invite people" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite people" });
  if (options.multiUse) await dialog.getByRole("radio", { name: "Anyone who has it (multi-use)" }).check();
  await dialog.getByRole("button", { name: "Create invite link" }).click();
  const link = await dialog.getByLabel(/^Invite link/).inputValue();
  expect(link).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole("button", { name: "Close" }).first().click();
  await expect(dialog).toBeHidden();
  return link;
}

async function newPhonePage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
  });
  return { context, page: await onRunClock(await context.newPage()) };
}

test("@phone sign up, create a team, invite a second user who joins under the first, see the tree", async ({
  page,
  browser,
  baseURL,
}) => {
  const leader: TestUser = { name: "Lena Leader", email: uniqueEmail("lena"), password: "lena-password-1" };
  const teamName = `Phone Team ${Date.now().toString(36)}`;

  // Sign-up page: field errors from the form, then a real account.
  await page.goto("/signup");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a name")).toBeVisible();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await signUp(page, leader);
  await expect(page).toHaveURL(/\/teams$/);
  await expect(page.getByText("You are not in a team yet.")).toBeVisible();
  await expectAccessible(page);

  // Create a team with its settings.
  const form = page.getByRole("region", { name: "Create a team" });
  await form.getByLabel("Team name").fill(teamName);
  await form.getByLabel("Currency", { exact: true }).selectOption("EUR");
  await form.getByLabel("Time zone").selectOption("Europe/Madrid");
  await form.getByLabel("Weeks start on").selectOption({ label: "Sunday" });
  await form.getByRole("checkbox", { name: "Saturday" }).check();
  await form.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(/\/[a-z0-9-]+\/team$/);
  const teamPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { name: /Whole team \(1 person\)/ })).toBeVisible();
  await expect(treeItem(page, leader.name)).toBeVisible();
  await expectAccessible(page);

  // The invite link (multi-use: it still works when the joiner tries it again after their removal, below).
  const link = await createInviteLink(page, { multiUse: true });

  // A second person opens the link in their own browser, signs up through it and joins.
  const second = await newPhonePage(browser, baseURL);
  try {
    const joiner: TestUser = { name: "Jo Joiner", email: uniqueEmail("jo"), password: "jo-password-12" };
    await second.page.goto(link);
    await expect(second.page.getByRole("heading", { name: `Join ${teamName}` })).toBeVisible();
    await expect(second.page.getByText(`You’ll join the team under ${leader.name}.`)).toBeVisible();
    await second.page.getByRole("link", { name: "Create an account" }).click();
    await expect(second.page).toHaveURL(/\/signup\?callbackUrl=/);
    await signUp(second.page, joiner);
    await expect(second.page).toHaveURL(/\/join\//);
    await second.page.getByRole("button", { name: `Join ${teamName}` }).click();
    await expect(second.page).toHaveURL(new RegExp(`${teamPath}$`));
    await expect(second.page.getByText(`Your upline:`)).toBeVisible();
    await expect(second.page.getByRole("list", { name: "Your upline, nearest first" })).toHaveText(leader.name);
    await expect(treeItem(second.page, joiner.name)).toBeVisible();

    // The first user sees both, the joiner directly under them.
    await page.reload();
    await expect(page.getByRole("heading", { name: /Whole team \(2 people\)/ })).toBeVisible();
    const me = treeItem(page, leader.name);
    await expect(me).toHaveAttribute("aria-level", "1");
    await expect(me).toHaveAccessibleName(/1 direct, 1 in downline/);
    await expect(treeItem(page, joiner.name)).toHaveAttribute("aria-level", "2");

    // Removal sticks: once removed, the joiner cannot come back through the link they joined with (made before).
    await openRowAction(page, joiner.name, /^Remove from team/);
    const confirm = page.getByRole("alertdialog", { name: `Remove ${joiner.name} from the team?` });
    await confirm.getByRole("button", { name: `Remove ${joiner.name}` }).click();
    await expect(page.getByText(new RegExp(`^Removed ${escapeRegExp(joiner.name)}`))).toBeVisible();
    await second.page.goto(link);
    await second.page.getByRole("button", { name: `Join ${teamName}` }).click();
    await expect(
      second.page.getByText("This invite was made before you left the team. Ask for a new one."),
    ).toBeVisible();
    await second.page.goto(teamPath);
    await expect(second.page.getByRole("heading", { name: "Team not found" })).toBeVisible();
  } finally {
    await second.context.close();
  }
});

test("@phone signing out ends the session; a user in two teams switches between them", async ({
  page,
  freshUser,
  browser,
  baseURL,
}) => {
  for (const name of ["Alpha Crew", "Beta Crew"]) {
    await page.goto("/teams");
    await page.getByLabel("Team name").fill(`${name} ${Date.now().toString(36)}`);
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page).toHaveURL(/\/team$/);
  }
  await page.getByRole("button", { name: /^Team: Beta Crew/ }).click();
  await page.getByRole("menuitem", { name: /Alpha Crew/ }).click();
  await expect(page.getByRole("button", { name: /^Team: Alpha Crew/ })).toBeVisible();

  // Keep a copy of the session cookie, as someone who had the phone might.
  const copied = (await page.context().cookies()).filter((c) => c.name.endsWith("next-auth.session-token"));
  expect(copied).toHaveLength(1);
  await page.getByRole("button", { name: new RegExp(`account menu for ${freshUser.name}`) }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/teams");
  await expect(page).toHaveURL(/\/signin/);
  // The copy is refused too: signing out revoked the session, it did not only delete the cookie.
  const other = await newPhonePage(browser, baseURL);
  try {
    await other.context.addCookies(copied);
    await other.page.goto("/teams");
    await expect(other.page).toHaveURL(/\/signin/);
  } finally {
    await other.context.close();
  }
  await signIn(page, freshUser.email, freshUser.password);
  await page.goto("/teams");
  await expect(page.getByRole("link", { name: /Alpha Crew/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Beta Crew/ })).toBeVisible();
});

test("@desktop demo sign-in; the owner's 40-member tree: expand/collapse, move (cycle refused), remove", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "Demo accounts" })).toBeVisible();
  for (const account of [DEMO.olivia, DEMO.marcus, DEMO.nina]) {
    await expect(page.getByRole("button", { name: new RegExp(`Sign in as ${account.name}`) })).toBeVisible();
  }
  await expect(page.getByText(DEMO.password, { exact: true })).toBeVisible();
  await expectAccessible(page);

  await signIn(page, DEMO.olivia.email);
  await page.goto(`/${DEMO.teamSlug}/team`);
  await expect(page.getByRole("heading", { name: "Whole team (40 people)" })).toBeVisible();
  await expect(treeItem(page, DEMO.olivia.name)).toHaveAccessibleName(/3 direct, 39 in downline/);
  await expectAccessible(page);

  // Expand / collapse: leaders open by default, uplines closed.
  const priya = treeItem(page, "Priya Shah");
  await expect(priya).toHaveAttribute("aria-expanded", "true");
  await expect(treeItem(page, DEMO.marcus.name)).toBeVisible();
  await expect(treeItem(page, DEMO.nina.name)).toHaveCount(0);
  await treeItem(page, DEMO.marcus.name).click();
  await expect(treeItem(page, DEMO.nina.name)).toBeVisible();
  await priya.click();
  await expect(priya).toHaveAttribute("aria-expanded", "false");
  await expect(treeItem(page, DEMO.marcus.name)).toHaveCount(0);
  await page.getByRole("button", { name: "Expand all" }).click();
  await expect(page.getByRole("treeitem")).toHaveCount(40);
  await page.getByRole("button", { name: "Collapse all" }).click();
  await expect(page.getByRole("treeitem")).toHaveCount(4); // the owner and the three leaders
  await page.getByRole("button", { name: "Expand all" }).click();

  // A second tab opens "Move Priya" and picks Aisha (not in Priya's downline yet)…
  const stale = await onRunClock(await page.context().newPage());
  await stale.goto(`/${DEMO.teamSlug}/team`);
  await stale.getByRole("button", { name: "Expand all" }).click();
  await openRowAction(stale, "Priya Shah", /^Move/);
  const staleDialog = stale.getByRole("dialog", { name: "Move Priya Shah" });
  await staleDialog.getByRole("radio", { name: /^Aisha Bello/ }).check();

  // …meanwhile Aisha (with her 3 members) moves under Priya in the first tab.
  await moveMember(page, "Aisha Bello", "Priya Shah");
  await expect(priya).toHaveAccessibleName(/4 direct, 16 in downline/);
  await expect(treeItem(page, "James O'Connor")).toHaveAccessibleName(/2 direct, 8 in downline/);

  // Moving Priya under Aisha would now be a cycle: the server refuses and the dialog says why.
  await staleDialog.getByRole("button", { name: "Move Priya Shah" }).click();
  await expect(staleDialog.getByRole("alert")).toHaveText(
    "A member cannot be moved under themselves or anyone in their own downline.",
  );
  await staleDialog.getByRole("button", { name: "Cancel" }).click();
  await stale.close();
  await page.reload();
  await expect(treeItem(page, "Priya Shah")).toHaveAttribute("aria-level", "2");

  // Put Aisha back where the seed had her.
  await page.getByRole("button", { name: "Expand all" }).click();
  await moveMember(page, "Aisha Bello", "James O'Connor");
  await expect(treeItem(page, "James O'Connor")).toHaveAccessibleName(/3 direct, 12 in downline/);

  // Remove Omar Haddad: his three members move up to his upline, Sofia.
  const sofia = treeItem(page, "Sofia Rossi");
  await expect(sofia).toHaveAccessibleName(/3 direct, 12 in downline/);
  await openRowAction(page, "Omar Haddad", /^Remove from team/);
  const confirm = page.getByRole("alertdialog", { name: "Remove Omar Haddad from the team?" });
  await expect(confirm).toContainText("Their 3 direct members move up to Sofia Rossi");
  await confirm.getByRole("button", { name: "Remove Omar Haddad" }).click();
  await expect(page.getByText("Removed Omar Haddad. 3 people moved up to Sofia Rossi.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Whole team (39 people)" })).toBeVisible();
  await expect(treeItem(page, "Omar Haddad")).toHaveCount(0);
  await expect(sofia).toHaveAccessibleName(/5 direct, 11 in downline/);
  for (const name of ["Kofi Mensah", "Ivy Chen", "Theo Laurent"]) {
    await expect(treeItem(page, name)).toHaveAttribute("aria-level", "3");
  }

  // Put the demo tree back: Omar rejoins under Sofia through an invite link and gets his members back.
  const link = await createInviteLink(page, { under: "Sofia Rossi" });
  const omar = await browser.newContext({ baseURL });
  try {
    const omarPage = await onRunClock(await omar.newPage());
    await omarPage.goto(link);
    await omarPage.getByRole("link", { name: "Sign in" }).click();
    await expect(omarPage).toHaveURL(/\/signin\?callbackUrl=/);
    await login(omarPage, "omar.haddad@demo.backplan.app");
    await omarPage.getByRole("button", { name: `Join ${DEMO.teamName}` }).click();
    await expect(omarPage).toHaveURL(new RegExp(`/${DEMO.teamSlug}/team$`));
  } finally {
    await omar.close();
  }
  await page.reload();
  await page.getByRole("button", { name: "Expand all" }).click();
  for (const name of ["Kofi Mensah", "Ivy Chen", "Theo Laurent"]) await moveMember(page, name, "Omar Haddad");
  await expect(page.getByRole("heading", { name: "Whole team (40 people)" })).toBeVisible();
  await expect(sofia).toHaveAccessibleName(/3 direct, 12 in downline/);
  await expect(treeItem(page, "Omar Haddad")).toHaveAccessibleName(/3 direct, 3 in downline/);
});
