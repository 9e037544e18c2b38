/**
 * Issue 17, "Targets follow the tree" (phone size): a team of its own (a fresh account, so the demo team other specs
 * read is untouched) with a published goal for the rest of this month and next. A recruit opens the leader's invite
 * link, signs up and joins: My plan shows them a target at once (no re-plan), the leader's goal page lists them in
 * the targets with the team target unchanged, the history reads "… joined under …: …, … → …", and the switch
 * "Targets follow the tree" is on.
 */
import type { Page } from "@playwright/test";
import { e2eToday, plusDays } from "./clock";
import { expect, expectAccessible, onRunClock, signUp, test, uniqueEmail, type TestUser } from "./fixtures";

/** A tRPC mutation over HTTP with the page's session (superjson's envelope). */
async function api<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(res.ok(), `${path}: HTTP ${res.status()} ${await res.text()}`).toBe(true);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** No sideways scroll, measured against the emulated device width (docs/ARCHITECTURE.md, layout at phone size). */
async function expectNoSidewaysScroll(page: Page) {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test("@phone a recruit joining gets a target", async ({ page, freshUser, browser, baseURL }) => {
  test.setTimeout(120_000);
  const teamName = `Follow ${Date.now().toString(36)}`;
  const team = await api<{ id: string; slug: string }>(page, "team.create", {
    name: teamName,
    currency: "GBP",
    timeZone: "Europe/London",
    weekStartsOn: 1,
    workingDays: [1, 2, 3, 4, 5],
  });
  const metric = await api<{ id: string }>(page, "metric.create", {
    teamId: team.id,
    key: "sponsors",
    name: "Sponsors",
    kind: "RESULT",
    unit: "COUNT",
  });
  const today = e2eToday();
  const goal = await api<{ id: string }>(page, "goal.create", {
    teamId: team.id,
    name: "Sponsors this season",
    metricId: metric.id,
    target: 120,
    startDate: `${today.slice(0, 8)}01`,
    deadline: plusDays(today, 45),
    publish: true,
  });
  const invite = await api<{ token: string }>(page, "invite.create", {
    teamId: team.id,
    maxUses: 1,
    expiresInDays: 7,
    role: "MEMBER",
  });

  // The recruit, on their own phone: signs up and joins through the link.
  const context = await browser.newContext({ baseURL, viewport: { width: 375, height: 812 }, isMobile: true });
  try {
    const phone = await onRunClock(await context.newPage());
    const recruit: TestUser = { name: "Rita Recruit", email: uniqueEmail("rita"), password: "rita-password-1" };
    await signUp(phone, recruit);
    await phone.goto(`/join/${invite.token}`);
    await phone.getByRole("button", { name: `Join ${teamName}` }).click();
    await expect(phone).toHaveURL(new RegExp(`/${team.slug}/team$`));

    // My plan: a target straight away, for the rest of the goal.
    await phone.goto(`/${team.slug}/plan`);
    const target = phone.getByTestId("my-target");
    await expect(target).toBeVisible();
    const mine = Number((await target.innerText()).replace(/[^0-9]/g, ""));
    expect(mine).toBeGreaterThan(0);
    await expect(phone.getByText(`Your upline: ${freshUser.name}`)).toBeVisible();
    await expectNoSidewaysScroll(phone);

    // The leader's goal page: the recruit's target, the team target unchanged, what changed for whom.
    await page.goto(`/${team.slug}/plan/goals/${goal.id}`);
    const targets = page.getByTestId("targets-table");
    await expect(targets.getByRole("row", { name: new RegExp(`^${recruit.name}`) })).toContainText(String(mine));
    await expect(targets.getByRole("row", { name: new RegExp(`^${freshUser.name}`) })).toContainText("120");
    const history = page.getByTestId("change-history");
    // The goal's row and the leader's own (their target moved) carry the same words.
    const line = `${recruit.name} joined under ${freshUser.name}: ${recruit.name} ${mine}, ${freshUser.name} 120 → ${120 - mine}`;
    await expect(history.getByText(line, { exact: true }).first()).toBeVisible();
    await expect(history.getByText("every team target stays the same")).toBeVisible();
    const followSwitch = page.getByRole("switch", { name: "Targets follow the tree" });
    await expect(followSwitch).toBeChecked();
    await expect(page.getByTestId("follow-tree")).toContainText("On.");
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.getByRole("region", { name: "Targets follow the tree" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath("follow-tree-375.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: test.info().outputPath("follow-tree-1280.png"), fullPage: true });
  } finally {
    await context.close();
  }
});
