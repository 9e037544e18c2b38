/**
 * The Plan journey. Desktop: the owner creates a £50,000 goal with three custom checkpoints, previews it (chart,
 * cascade tree, members whose plan does not fit their time), publishes it, sets a member's target by hand with the
 * "what changes for whom" preview, and sees it in the change history. Phone: a member opens My plan and sees their
 * target, this week's milestone, today's actions and their upline's name.
 *
 * The desktop test adds a goal to the shared demo team (named uniquely); the seeded goal stays as it was.
 */
import { e2eToday, plusDays } from "./clock";
import { DEMO, expect, expectAccessible, onRunClock, signIn, test } from "./fixtures";
import { toDbDay } from "@/server/domain/db-day";

const isoPlusDays = (days: number) => plusDays(e2eToday(), days);

test("@desktop the owner creates, previews and publishes a goal with custom checkpoints, then sets a member's target by hand", async ({
  page,
}) => {
  test.setTimeout(150_000); // a 40-member preview, publish and re-plan on a shared 2-core machine
  const goalName = `Sprint £50k ${Date.now().toString(36)}`;
  await signIn(page, DEMO.olivia.email);
  await page.goto(`/${DEMO.teamSlug}/plan`);
  await page.getByRole("link", { name: "New goal" }).click();
  await expect(page.getByRole("heading", { name: "New goal", level: 1 })).toBeVisible();

  const form = page.getByRole("form", { name: "New goal" });
  await form.getByLabel("Goal name").fill(goalName);
  await form.getByLabel("Metric").selectOption({ label: "Team volume" });
  await form.getByLabel("Target (GBP)", { exact: true }).fill("50000");
  await form.getByLabel("Start", { exact: true }).fill(isoPlusDays(0));
  await form.getByLabel("Deadline", { exact: true }).fill(isoPlusDays(56));
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
  // Checkpoints in date order: 3, 2 and 1 weeks before the deadline.
  const day = (iso: string) =>
    new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
      toDbDay(iso),
    );
  await expect(chart.getByRole("img")).toHaveAccessibleName(
    new RegExp(
      `£20,000 by ${day(isoPlusDays(35))}, £30,000 by ${day(isoPlusDays(42))}, £42,000 by ${day(isoPlusDays(49))}`,
    ),
  );
  await expect(chart.locator(".recharts-area")).toBeVisible();
  await expect(page.getByRole("region", { name: "Plan by period" }).getByRole("row")).not.toHaveCount(0);
  const tree = page.getByTestId("cascade-tree");
  await expect(tree.getByRole("rowheader", { name: /^Olivia Hart/ })).toBeVisible();
  await expect(tree.getByRole("rowheader", { name: /^Nina Patel\s*, level 4/ })).toBeVisible();
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
  await expect(history.getByLabel("Show changes for")).toHaveValue(
    await history.getByLabel("Show changes for").inputValue(),
  );
  const entry = history.getByRole("listitem").filter({ hasText: "Nina starts strong" });
  await expect(entry).toContainText(`Personal target: ${before} → £2,000`);
  await expect(entry).toContainText("Olivia Hart");
  await expect(history.getByRole("listitem").filter({ hasText: `Personal target: none → ${before}` })).toContainText(
    "Goal published",
  );
  await expectAccessible(page);
});

test("@phone a member opens My plan: target, this week's milestone, today's actions and their upline", async ({
  page,
}) => {
  await signIn(page, DEMO.nina.email);
  await page.goto(`/${DEMO.teamSlug}/plan`);
  await expect(page.getByRole("heading", { name: "My plan" })).toBeVisible();
  await expect(page.getByText("Your upline:")).toContainText("Marcus Reed");

  const card = page.getByRole("region", { name: "£50,000 team volume" });
  await expect(card.getByTestId("my-target")).toHaveText(/^£[\d,]+/);
  const milestone = card.getByTestId("week-milestone");
  await expect(milestone.getByRole("heading", { name: "This week's milestone" })).toBeVisible();
  await expect(milestone).toContainText(/£[\d,.]+ between/);
  await expect(card.getByText(/Fits your time\.|Does not fit your time\./)).toBeVisible();

  const today = page.getByRole("list", { name: "Today's actions" });
  // The demo team works Monday to Saturday: Sunday is its rest day, said as such with Monday's plan.
  if (toDbDay(e2eToday()).getUTCDay() === 0) {
    await expect(page.getByTestId("rest-day")).toContainText(`Sunday is a rest day for ${DEMO.teamName}`);
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
  await card.getByRole("button", { name: "Next month" }).click();
  await expect(
    card
      .getByRole("list", { name: /^Milestones in / })
      .getByRole("listitem")
      .first(),
  ).toContainText(/£[\d,.]+$/);

  // Her rank: the gap to the next one, and "reach Gold by the end of the year" worked back month by month.
  const rank = page.getByRole("region", { name: "My rank this month" });
  await expect(rank).toContainText(/To reach Bronze/);
  const rankForm = rank.getByRole("form", { name: "Plan to reach a rank" });
  await rankForm.getByLabel("Reach").selectOption({ label: "Gold" });
  await rankForm.getByRole("button", { name: "Work it out" }).click();
  const months = rank.getByRole("table", { name: "Requirements to reach Gold, month by month" });
  await expect(months.getByRole("row")).not.toHaveCount(1);
  await expect(months.getByRole("row").last()).toContainText("£20,000"); // Gold's team volume in the last month
  await expectAccessible(page);
});

test("@desktop the owner edits metrics, funnels and ranks; a leader reads them", async ({ page, browser }) => {
  await signIn(page, DEMO.olivia.email);
  await page.goto(`/${DEMO.teamSlug}/plan/settings`);
  await expect(page.getByRole("heading", { name: "Metrics, funnels and ranks", level: 1 })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Network marketing/ })).toBeChecked();
  await expect(page.getByText("In use")).toBeVisible();

  // Edit a metric's minutes, then put it back (other specs use the seeded numbers).
  const metrics = page.getByRole("region", { name: "Metrics" });
  const setMinutes = async (value: string) => {
    await metrics.getByRole("button", { name: "Edit Contacts" }).click();
    const form = page.getByRole("form", { name: "Edit Contacts" });
    await form.getByLabel("Minutes one action takes").fill(value);
    await form.getByRole("button", { name: "Save" }).click();
    await expect(metrics.getByRole("listitem").filter({ hasText: "Contacts" })).toContainText(`${value} min each`);
  };
  await setMinutes("6");
  await setMinutes("5");

  // The team-volume funnel: its last step is money per sponsor, shown in pounds.
  const funnel = page.getByRole("form", { name: "Funnel for Team volume" });
  await expect(funnel.getByLabel("Step 4: of")).toHaveValue(await funnel.getByLabel("Step 4: of").inputValue());
  await expect(funnel.getByLabel("Step 4: of").locator("option:checked")).toHaveText("New sponsors");
  await expect(funnel.getByLabel("Step 4: turn into")).toHaveValue("500");
  await expect(
    page.getByRole("table", { name: "Ranks and their monthly requirements" }).getByRole("rowheader"),
  ).toHaveText(["Bronze", "Silver", "Gold", "Diamond"]);
  await expectAccessible(page);

  const context = await browser.newContext();
  const leader = await onRunClock(await context.newPage());
  await signIn(leader, DEMO.marcus.email);
  await leader.goto(`/${DEMO.teamSlug}/plan/settings`);
  await expect(leader.getByText("Read only.")).toBeVisible();
  await expect(leader.getByRole("button", { name: "Edit Contacts" })).toHaveCount(0);
  await expect(leader.getByRole("button", { name: "Apply template" })).toHaveCount(0);
  await expect(leader.getByText("30 contacts → 15 follow-ups").first()).toBeVisible();
  await context.close();
});
