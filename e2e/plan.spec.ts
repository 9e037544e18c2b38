/**
 * The Plan journey. Desktop: the owner creates a £50,000 goal with three custom checkpoints, previews it (chart,
 * cascade tree, members whose plan does not fit their time), publishes it, sets a member's target by hand with the
 * "what changes for whom" preview, and sees it in the change history. Phone: a member opens My plan and sees their
 * target, this week's milestone, today's actions and their upline's name.
 *
 * The desktop test adds a goal to the shared demo team (named uniquely); the seeded goal stays as it was.
 */
import { DEMO, expect, expectAccessible, login, test } from "./fixtures";

function isoPlusDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

test("@desktop the owner creates, previews and publishes a goal with custom checkpoints, then sets a member's target by hand", async ({ page }) => {
  const goalName = `Sprint £50k ${Date.now().toString(36)}`;
  await login(page, DEMO.olivia.email);
  await page.goto(`/${DEMO.teamSlug}/plan`);
  await page.getByRole("link", { name: "New goal" }).click();
  await expect(page.getByRole("heading", { name: "New goal", level: 1 })).toBeVisible();

  const form = page.getByRole("form", { name: "New goal" });
  await form.getByLabel("Goal name").fill(goalName);
  await form.getByLabel("Metric").selectOption({ label: "Team volume" });
  await form.getByLabel("Target (GBP)", { exact: true }).fill("50000");
  await form.getByLabel("Start").fill(isoPlusDays(0));
  await form.getByLabel("Deadline").fill(isoPlusDays(28));
  await form.getByLabel("Curve").selectOption({ label: "Custom checkpoints" });
  const checkpoints: [string, string][] = [
    ["42000", "1"],
    ["30000", "2"],
    ["20000", "3"],
  ];
  for (const [i, [amount, weeks]] of checkpoints.entries()) {
    await form.getByRole("button", { name: "Add checkpoint" }).click();
    await form.getByLabel(`Checkpoint ${i + 1}: amount (GBP)`).fill(amount);
    await form.getByLabel(`Checkpoint ${i + 1}: weeks to go`).fill(weeks);
  }
  await form.getByRole("button", { name: "Preview" }).click();

  // The preview: chart with checkpoints, the table by period, the cascade tree with flagged members.
  await expect(page.getByRole("heading", { name: `Preview: ${goalName}` })).toBeFocused();
  const chart = page.getByTestId("plan-chart");
  await expect(chart).toBeVisible();
  await expect(chart.getByRole("img")).toHaveAccessibleName(/£42,000 by .*£30,000 by .*£20,000 by/);
  await expect(chart.locator(".recharts-area")).toBeVisible();
  await expect(page.getByRole("region", { name: "Plan by period" }).getByRole("row")).not.toHaveCount(0);
  const tree = page.getByTestId("cascade-tree");
  await expect(tree.getByRole("rowheader", { name: /^Olivia Hart/ })).toBeVisible();
  await expect(tree.getByRole("rowheader", { name: /Nina Patel, level 4/ })).toBeVisible();
  await expect(page.getByText(/plans? do(es)? not fit their time:/)).toBeVisible();
  await expect(tree.getByText("Doesn't fit").first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Publish goal" }).click();
  await expect(page.getByRole("heading", { name: goalName, level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Published", { exact: true })).toBeVisible();
  const targets = page.getByTestId("targets-table");
  const ninaRow = targets.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^Nina Patel/ }) });
  const before = (await ninaRow.getByRole("cell").first().textContent())!.trim();
  expect(before).toMatch(/^£/);

  // Set Nina's target by hand: the preview lists who changes before anything is saved.
  await ninaRow.getByRole("button", { name: "Set target for Nina Patel" }).click();
  const change = page.getByRole("form", { name: "Change the goal" });
  await expect(change.getByLabel("Member")).toHaveValue(await change.getByLabel("Member").inputValue());
  await expect(change.getByLabel("Member").locator("option:checked")).toHaveText("Nina Patel");
  await change.getByLabel("Personal target (GBP)").fill("2000");
  await change.getByRole("button", { name: "Preview changes" }).click();
  const preview = page.getByTestId("change-preview");
  await expect(preview.getByRole("heading", { name: "What changes for whom" })).toBeFocused();
  const ninaChange = preview.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^Nina Patel/ }) });
  await expect(ninaChange).toContainText(`${before} → £2,000`);
  await expect(preview.getByRole("row")).not.toHaveCount(2); // Nina and the others who are rebalanced
  await expect(ninaRow.getByRole("cell").first()).toHaveText(before); // not saved yet
  await preview.getByLabel(/^Reason/).fill("Nina starts strong");
  await preview.getByRole("button", { name: "Save change" }).click();
  await expect(page.getByText(/Saved\. \d+ targets changed\./)).toBeVisible();
  await expect(ninaRow.getByRole("cell").first()).toHaveText("£2,000");
  await expect(ninaRow).toContainText("set by hand");

  // The history (who, when, from → to) for Nina.
  const history = page.getByTestId("change-history");
  await expect(history.getByLabel("Show changes for")).toHaveValue(await history.getByLabel("Show changes for").inputValue());
  const entry = history.getByRole("listitem").filter({ hasText: "Nina starts strong" });
  await expect(entry).toContainText(`Personal target: ${before} → £2,000`);
  await expect(entry).toContainText("Olivia Hart");
  await expect(history.getByRole("listitem").filter({ hasText: "Goal published" })).toBeVisible();
  await expectAccessible(page);
});

test("@phone a member opens My plan: target, this week's milestone, today's actions and their upline", async ({ page }) => {
  await login(page, DEMO.nina.email);
  await page.goto(`/${DEMO.teamSlug}/plan`);
  await expect(page.getByRole("heading", { name: "My plan" })).toBeVisible();
  await expect(page.getByText("Your upline:")).toContainText("Marcus Reed");

  const card = page.getByRole("region", { name: "£50,000 team volume" });
  await expect(card.getByTestId("my-target")).toHaveText(/^£[\d,]+/);
  const milestone = card.getByTestId("week-milestone");
  await expect(milestone.getByRole("heading", { name: "This week's milestone" })).toBeVisible();
  await expect(milestone).toContainText(/£[\d,]+ between/);
  await expect(card.getByText(/Fits your time\.|Does not fit your time\./)).toBeVisible();

  const today = page.getByRole("list", { name: "Today's actions" });
  const weekday = new Date().getUTCDay();
  if (weekday === 0 || weekday === 6) {
    await expect(page.getByText(/Nothing planned for today/)).toBeVisible();
  } else {
    const items = today.getByRole("listitem");
    expect(await items.count()).toBeGreaterThanOrEqual(1);
    expect(await items.count()).toBeLessThanOrEqual(5);
    await expect(items.first()).toContainText(/\d+$/);
  }

  // The month calendar of milestones opens with the keyboard.
  const summary = card.getByText("Calendar of milestones");
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(card.getByRole("table", { name: /Milestones of £50,000 team volume/ })).toBeVisible();
  await expectAccessible(page);
});
