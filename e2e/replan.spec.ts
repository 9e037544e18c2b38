/**
 * Re-planning an off-pace member from the weekly review, at phone size: the owner starts the review, enters Layla's
 * commitment for the coming week, goes back to "Off pace" and re-plans the rest for her — prefilled from her
 * commitment — previews the new weekly and daily numbers and who is affected, applies it, and the next preview says
 * she was re-planned before. The owner may also move the goal's deadline instead, previewed in the same dialog. Then
 * Layla's dashboard shows her on pace with the same expected number as her My plan. Axe check on the dialog.
 */
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

test("@phone re-planning an off-pace member from the weekly review", async ({ page }) => {
  await signIn(page, DEMO.olivia.email);
  await page.goto(`/${DEMO.teamSlug}/review`);
  await page.getByRole("button", { name: "Start the weekly review" }).click();
  await expect(page).toHaveURL(new RegExp(`/${DEMO.teamSlug}/review/[A-Za-z0-9_-]+$`));
  const stepHeading = page.locator("#review-step-heading");

  // His commitment for the coming week, with a number.
  await page.getByRole("button", { name: /^4\. Commitments$/ }).click();
  await expect(stepHeading).toContainText("Commitments");
  await page.getByLabel("Find a member").fill("Layla");
  const enter = page.getByRole("button", { name: /^(Enter|Edit) Layla Hassan's commitment$/ });
  await enter.click();
  const form = page.getByRole("form", { name: "Layla Hassan's commitment" });
  await form.getByLabel("Commits to").fill("30 contacts a day");
  await form.getByLabel("Amount of team volume in £ (optional)").fill("150");
  await form.getByRole("button", { name: /Save/ }).click();
  await expect(page.getByRole("list", { name: "Commitments" })).toContainText("30 contacts a day (£150)");

  // Off pace: re-plan the rest for Layla.
  await page.getByRole("button", { name: /^2\. Off pace$/ }).click();
  await expect(stepHeading).toContainText("Off pace");
  const layla = page
    .getByRole("list", { name: "Members off pace" })
    .getByRole("listitem")
    .filter({ hasText: "Layla Hassan" });
  await layla.getByRole("button", { name: "Re-plan the rest for Layla Hassan" }).click();
  const dialog = page.getByRole("dialog", { name: "Re-plan the rest for Layla Hassan" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Layla Hassan alone")).toBeChecked();
  await expect(dialog.getByLabel(/^Use their commitment for the week of /)).toBeChecked();
  await expect(dialog.getByLabel("That week's number")).toHaveValue("150");

  await dialog.getByRole("button", { name: "Preview the new numbers" }).click();
  await expect(dialog.getByRole("heading", { name: /^What changes, from / })).toBeVisible();
  await expect(dialog.getByText(/is set to £150 from the commitment/)).toBeVisible();
  await expect(dialog.getByRole("table")).toContainText("After");
  const affected = dialog.getByRole("list", { name: "Who is affected" });
  await expect(affected.getByRole("listitem")).toHaveCount(1);
  await expect(affected).toContainText("Layla Hassan");
  await expect(affected).toContainText(/today £[\d,]+ → £[\d,]+/);
  await expectAccessible(page);
  await dialog.screenshot({ path: "/tmp/replan-rest-phone.png" });
  // No sideways scroll at phone size with the preview open.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow).toBeLessThanOrEqual(375);

  await dialog.getByRole("button", { name: "Apply the re-plan" }).click();
  await expect(page.getByText(/^Re-planned the rest for 1 person from /)).toBeVisible();
  await expect(dialog).toBeHidden();

  // Again: the preview now starts from her re-plan.
  await layla.getByRole("button", { name: "Re-plan the rest for Layla Hassan" }).click();
  await dialog.getByRole("button", { name: "Preview the new numbers" }).click();
  await expect(dialog.getByRole("list", { name: "Who is affected" })).toContainText("re-planned before");

  // The owner may change the goal: the same dialog offers moving its deadline (or target) instead, through the goal's
  // versioned change path, with its preview of who is affected. Previewed only, then cancelled: nothing is saved.
  await dialog.getByLabel("Move the goal's deadline or target instead").check();
  const move = dialog.getByRole("form", { name: "Move the goal" });
  await expect(move.getByLabel(/^The deadline \(now /)).toBeChecked();
  const deadline = move.getByLabel("New deadline");
  const current = await deadline.inputValue();
  const later = new Date(`${current}T00:00:00Z`);
  later.setUTCDate(later.getUTCDate() + 7);
  await deadline.fill(later.toISOString().slice(0, 10));
  await move.getByRole("button", { name: "Preview who is affected" }).click();
  const moved = dialog.getByTestId("move-goal-preview");
  await expect(moved.getByRole("heading", { name: "What changes for whom" })).toBeVisible();
  await expect(moved).toContainText("Deadline:");
  await expect(moved.getByRole("button", { name: "Move the deadline" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await dialog.screenshot({ path: "/tmp/replan-everywhere-move-phone.png" });
  const phone = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: "/tmp/replan-everywhere-move-desktop.png" });
  if (phone) await page.setViewportSize(phone);
  await moved.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  // Layla, re-planned, is on pace on the dashboard, with the same expected number as her My plan.
  await signIn(page, "layla.hassan@demo.backplan.app");
  await page.goto(`/${DEMO.teamSlug}/plan`);
  const card = page.getByRole("region", { name: /£50,000 team volume/ });
  const note = card.getByText(/Planned before today: /);
  await expect(note).toBeVisible();
  await expect(card).toContainText(/On track\.|Ahead\./);
  const planned = /Planned before today: £([\d,]+(?:\.\d+)?)/.exec((await note.textContent()) ?? "");
  expect(planned).not.toBeNull();
  const expectedOnPlan = Math.round(Number(planned![1]!.replace(/,/g, "")));
  // This week's milestone of her re-plan (what the rest must bring this week: more than nothing, she is behind).
  const milestone = card.getByTestId("week-milestone");
  await expect(milestone).toContainText("This week's milestone");
  const week = /milestone\s*£([\d,]+(?:\.\d+)?) between/.exec((await milestone.textContent()) ?? "");
  expect(week).not.toBeNull();
  const weekOnPlan = Math.round(Number(week![1]!.replace(/,/g, "")));
  expect(weekOnPlan).toBeGreaterThan(0);

  await page.goto(`/${DEMO.teamSlug}/dashboard`);
  const goalPicker = page.getByLabel("Goal", { exact: true });
  const goalValue = await goalPicker.locator("option", { hasText: "£50,000 team volume" }).getAttribute("value");
  await goalPicker.selectOption(goalValue!);
  const toDate = page
    .locator("#summary-heading ~ dl > div")
    .filter({ has: page.locator("dt", { hasText: /^Goal to date$/ }) });
  await expect(toDate).toContainText(/expected by the end of/);
  const shown = /of £([\d,]+) expected by the end of/.exec((await toDate.textContent()) ?? "");
  expect(shown).not.toBeNull();
  expect(Number(shown![1]!.replace(/,/g, ""))).toBe(expectedOnPlan);
  await expect(toDate).toContainText(/On track|Ahead/);
  // The week's tile: her re-plan's week, the same number as her My plan's milestone.
  const weekTile = page
    .locator("#summary-heading ~ dl > div")
    .filter({ has: page.locator("dt", { hasText: /^This week/ }) });
  const weekShown = /of £([\d,]+) planned/.exec((await weekTile.textContent()) ?? "");
  expect(weekShown).not.toBeNull();
  expect(Number(weekShown![1]!.replace(/,/g, ""))).toBe(weekOnPlan);
  await expect(weekTile).toContainText(/On track|Ahead/);
  await expect(page.locator('tr[data-member="Layla Hassan"] [data-pace]').first()).toHaveText(/On track|Ahead/);
  await page.screenshot({ path: "/tmp/replan-everywhere-dashboard-phone.png", fullPage: true });
});
