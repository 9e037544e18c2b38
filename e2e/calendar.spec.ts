/**
 * The team calendar. Desktop: the owner adds a team holiday inside the demo goal's dates, sees that goal listed as
 * planned without it, opens "Preview re-plan" (the holiday, the weeks that move from → to, who is affected) — and
 * leaves the published plan as it is. Phone: a member adds a day off on My plan, sees it listed, finds the team
 * calendar read-only, and nothing scrolls sideways at 375 px.
 *
 * Both tests use the shared demo team and put it back as it was (the holiday and the day off are removed through the
 * UI at the end). Dates are counted from the run's instant (e2e/clock.ts), never from the real date.
 */
import type { Page } from "@playwright/test";
import { e2eToday, plusDays } from "./clock";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";
import { toDbDay } from "@/server/domain/db-day";

/** The first Monday–Friday on or after `days` days from the run's today (the demo team works Monday to Saturday). */
function weekdayFromToday(days: number): string {
  let day = plusDays(e2eToday(), days);
  while ([0, 6].includes(toDbDay(day).getUTCDay())) day = plusDays(day, 1);
  return day;
}

const longDay = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    toDbDay(iso),
  );

/** The page is no wider than the emulated device (Chromium widens the layout viewport instead of scrolling). */
async function expectNoSidewaysScroll(page: Page) {
  const width = page.viewportSize()!.width;
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `page scrolls sideways at ${width} px`).toBeLessThanOrEqual(width);
}

/**
 * After a failed test, what it added to the shared demo team is removed again through the UI (a passing test removes
 * it itself), so later specs of the run see the demo team as seeded.
 */
const leftovers: ((page: Page) => Promise<void>)[] = [];
test.afterEach(async ({ page }, testInfo) => {
  const cleanUps = leftovers.splice(0);
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const cleanUp of cleanUps) await cleanUp(page).catch(() => undefined);
});

test("@desktop the owner adds a team holiday and previews the re-plan of the goal planned without it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const day = weekdayFromToday(8); // inside the demo goal (it runs to the end of next month)
  const name = `Founders' day ${Date.now().toString(36)}`;
  await signIn(page, DEMO.olivia.email);
  leftovers.push(async (page) => {
    await page.goto(`/${DEMO.teamSlug}/plan/calendar`);
    await page.getByRole("button", { name: `Remove ${name}, ${longDay(day)}` }).click({ timeout: 5_000 });
    await expect(page.getByText("Holiday removed.")).toBeVisible();
  });
  await page.goto(`/${DEMO.teamSlug}/plan`);
  await page.getByRole("link", { name: "Calendar", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Team calendar", level: 1 })).toBeVisible();

  const add = page.getByRole("form", { name: "Add a holiday" });
  // A missing date is refused with a clear message beside the field.
  await add.getByLabel("Name").fill(name);
  await add.getByRole("button", { name: "Add holiday" }).click();
  await expect(add.getByText("Enter a date as YYYY-MM-DD")).toBeVisible();
  await add.getByLabel("Date").fill(day);
  await add.getByRole("button", { name: "Add holiday" }).click();
  await expect(page.getByText(`${name} added.`)).toBeVisible();
  const list = page.getByRole("list", { name: "Team holidays" });
  await expect(list.getByRole("listitem").filter({ hasText: name })).toBeVisible();

  // The published demo goal did not change; it is listed for a re-plan with a preview.
  const replan = page.getByRole("region", { name: "Goals to re-plan" });
  await expect(replan.getByText(/planned without the team's current holidays/)).toBeVisible();
  const goal = replan.getByTestId("goal-to-replan").filter({ hasText: "£50,000 team volume" });
  await expect(goal).toContainText(`without ${name} (${longDay(day)})`);
  await goal.getByRole("button", { name: "Preview re-plan of £50,000 team volume" }).click();
  const preview = goal.getByTestId("replan-preview");
  await expect(preview.getByRole("heading", { name: "What the re-plan changes" })).toBeFocused({ timeout: 20_000 });
  await expect(preview.getByText("Holidays the plan will skip")).toBeVisible();
  await expect(preview).toContainText(`${longDay(day)} — ${name}`);
  const weeks = preview.getByRole("region", { name: "Milestones that move" }).getByRole("row");
  await expect(weeks).not.toHaveCount(1);
  await expect(weeks.nth(1)).toContainText(/£[\d,.]+ → £[\d,.]+/);
  await expect(preview.getByText(/the milestones and daily actions of \d+ members move/)).toBeVisible();
  await expect(preview.getByRole("button", { name: "Apply re-plan" })).toBeEnabled();
  await expectAccessible(page);

  // Not now: the published plan stays as it is. Removing the holiday puts the demo team back as it was.
  await preview.getByRole("button", { name: "Not now" }).click();
  await list.getByRole("button", { name: `Remove ${name}, ${longDay(day)}` }).click();
  await expect(page.getByText("Holiday removed.")).toBeVisible();
  await expect(list.getByRole("listitem").filter({ hasText: name })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Goals to re-plan" })).toHaveCount(0);
});

test("@phone a member sets a day off on My plan and reads the team calendar", async ({ page }) => {
  test.setTimeout(90_000);
  const day = weekdayFromToday(10);
  await signIn(page, DEMO.nina.email);
  leftovers.push(async (page) => {
    await page.goto(`/${DEMO.teamSlug}/plan`);
    await page
      .getByRole("button", { name: /^Remove my day off on / })
      .first()
      .click({ timeout: 5_000 });
    await expect(page.getByText("Day off removed.")).toBeVisible();
  });
  await page.goto(`/${DEMO.teamSlug}/plan`);
  const card = page.getByRole("region", { name: "My days off" });
  await expect(card.getByText("No days off planned.")).toBeVisible();

  const form = card.getByRole("form", { name: "Add days off" });
  await form.getByLabel("First day off").fill(day);
  await form.getByLabel("Kind").selectOption({ label: "Holiday" });
  await form.getByRole("button", { name: "Add days off" }).click();
  await expect(page.getByText("1 day off saved.")).toBeVisible();
  const mine = card.getByRole("list", { name: "My days off" });
  const item = mine.getByRole("listitem").filter({ hasText: "Holiday" });
  await expect(item).toContainText(
    new Intl.DateTimeFormat("en-GB", {
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    }).format(toDbDay(day)),
  );

  // Phone first: tap targets of at least 44 px, and nothing scrolls sideways.
  for (const target of [
    form.getByRole("button", { name: "Add days off" }),
    item.getByRole("button", { name: /^Remove my day off on / }),
    form.getByLabel("First day off"),
  ]) {
    expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  // The team calendar: read-only for a member.
  await card.getByRole("link", { name: "Team calendar" }).click();
  await expect(page.getByRole("heading", { name: "Team calendar", level: 1 })).toBeVisible();
  await expect(page.getByText("Read only.")).toBeVisible();
  await expect(page.getByRole("form", { name: "Add a holiday" })).toHaveCount(0);
  await expectNoSidewaysScroll(page);

  // Back on My plan, the day off is removed again (the demo team as it was).
  await page.goto(`/${DEMO.teamSlug}/plan`);
  await card
    .getByRole("list", { name: "My days off" })
    .getByRole("button", { name: /^Remove my day off on / })
    .click();
  await expect(page.getByText("Day off removed.")).toBeVisible();
  await expect(card.getByText("No days off planned.")).toBeVisible();
});
