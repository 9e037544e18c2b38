/**
 * Issue 17, "change team settings" (phone size): the owner opens the team's settings from the team menu, changes the
 * name, the first day of the week and "members can invite", saves, sees the effect (the header's name, the Log's
 * week starting on Sunday, the settings kept after a reload) and reads every change on the activity page, in plain
 * words. A team of its own (a fresh account), so the demo team other specs read is untouched.
 */
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";

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

test("@phone the owner changes the team settings, sees the effect and reads it on the activity page", async ({
  page,
  freshUser,
}) => {
  const name = `Settings ${Date.now().toString(36)}`;
  const team = await api<{ slug: string }>(page, "team.create", {
    name,
    currency: "GBP",
    timeZone: "Europe/London",
    weekStartsOn: 1,
    workingDays: [1, 2, 3, 4, 5],
  });

  // From the team menu in the header.
  await page.goto(`/${team.slug}/plan`);
  await page.getByRole("button", { name: `Team: ${name}` }).click();
  await page.getByRole("menuitem", { name: "Team settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team settings" })).toBeVisible();
  await expect(page.getByText(/until the first money amount is logged or a money goal is set/)).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  const newName = `${name} Renamed`;
  await page.getByLabel("Team name").fill(newName);
  await page.getByLabel("Weeks start on").selectOption({ label: "Sunday" });
  const invite = page.getByRole("checkbox", { name: /Members can invite/ });
  await expect(invite).toBeChecked();
  await invite.uncheck();
  await expect(page.getByText("You have unsaved changes.")).toBeVisible();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Team settings saved.")).toBeVisible();
  await expect(page.getByText("All changes saved.")).toBeVisible();

  // The effect: the header names the team anew; the settings are kept; the Log's week starts on Sunday.
  await expect(page.getByRole("button", { name: `Team: ${newName}` })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Team name")).toHaveValue(newName);
  await expect(page.getByLabel("Weeks start on")).toHaveValue("0");
  await expect(page.getByRole("checkbox", { name: /Members can invite/ })).not.toBeChecked();
  await page.goto(`/${team.slug}/log`);
  const week = page.locator('section[aria-labelledby="my-week"] ol > li');
  await expect(week.first()).toHaveAttribute("aria-label", /^Sunday/);

  // The activity page, newest first, in plain words.
  await page.goto(`/${team.slug}/settings`);
  await page.getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  const items = page.getByRole("main").getByRole("listitem");
  await expect(
    items.filter({ hasText: `${freshUser.name} renamed the team from “${name}” to “${newName}”` }),
  ).toHaveCount(1);
  await expect(
    items.filter({ hasText: `${freshUser.name} changed the first day of the week from Monday to Sunday` }),
  ).toHaveCount(1);
  await expect(
    items.filter({ hasText: `${freshUser.name} stopped members from inviting people (only leaders invite now)` }),
  ).toHaveCount(1);
  await expect(items.last()).toContainText(`${freshUser.name} created the team`);
  await expect(page.getByText("That is everything since the team was created.")).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
});
