/**
 * The life of a goal, at phone size (375×812), two journeys in order (serial: the second edits the goal the first
 * makes):
 *
 * 1. A goal closing and the next month's goal created from it. The seed has last month's goal for Chloe Martin's
 *    branch, closed and archived (prisma/demo-closed-goal.ts: a goal with a past deadline cannot be made in the app).
 *    The owner opens it from the Plan's "Archived" list, reads the result (hit or missed by how much, the best
 *    contributors, the victories of its month), makes "next month from this one" — a draft with the stretch target —
 *    sets its curve on the draft form (the strength is kept), and publishes it.
 * 2. Edit a published goal with preview. The owner edits that goal's name, deadline and curve through the "Edit goal"
 *    card, sees what changes for whom, saves with a reason; the goal page and the history show it. Made the team's
 *    main goal, Chloe sees the new name and deadline on My plan and the goal first on her Log, labelled "Main goal".
 *    The goal is archived at the end, so the shared demo team's running goals are as the seed left them.
 */
import { e2eToday } from "./clock";
import { DEMO, expect, signIn, test } from "./fixtures";
import { addDays, startOfPeriod } from "@/server/domain/calendar";
import { toDbDay } from "@/server/domain/db-day";
import { formatAmount, toInputString } from "@/server/domain/money";
import { proposeNextTarget } from "@/server/domain/next-target";
import type { Page } from "@playwright/test";

test.describe.configure({ mode: "serial" });

const CHLOE = "chloe.martin@demo.backplan.app";
const BRANCH = ["Chloe Martin", "Leo Fischer", "Maya Cohen", "Isaac Moore"];
const month = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(toDbDay(iso));
const day = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    toDbDay(iso),
  );
/** "£1,234.50" → 123450 (pence). */
const pence = (text: string) => Math.round(Number(text.replace(/[£,]/g, "")) * 100);
const pounds = (minor: number) => formatAmount(minor, "MONEY", "GBP");

const thisMonth = startOfPeriod(e2eToday(), "month");
const closedStart = startOfPeriod(addDays(thisMonth, -1), "month");
const closedName = `Chloe's volume push — ${month(closedStart)}`;
const nextName = `Chloe's volume push — ${month(thisMonth)}`;
const editedName = "Chloe's spring volume sprint";

async function as(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

test("@phone a goal closing and the next month's goal created from it", async ({ page }) => {
  test.setTimeout(150_000);
  await as(page, DEMO.olivia.email);
  await page.goto(`/${DEMO.teamSlug}/plan`);
  await page.getByRole("button", { name: "Show archived" }).click();
  await page.getByRole("link", { name: new RegExp(`^${closedName}`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${closedName}`) })).toBeVisible();

  // The result: hit or missed and by how much — actual ± difference is the target.
  const closing = page.getByTestId("goal-closing");
  const result = (await closing.locator("p").first().textContent())!;
  const amounts = [...result.matchAll(/£[\d,]+(?:\.\d\d)?/g)].map((m) => pence(m[0]));
  let actual: number;
  if (result.startsWith("Missed by")) {
    const [short, got, target] = amounts as [number, number, number];
    expect(got + short).toBe(target);
    actual = got;
  } else {
    expect(result).toMatch(/^Target hit: /);
    const [got, target, beyond = 0] = amounts as [number, number, number?];
    expect(got - beyond).toBe(target);
    actual = got;
  }
  expect(actual).toBeGreaterThan(0); // the branch logged volume last month (demo-plan.ts)

  // The best contributors (the branch's members, most first) and the victories of the goal's month.
  const best = page.getByRole("region", { name: "Best contributors" }).getByRole("listitem");
  await expect(best.first()).toBeVisible();
  const rows = await best.allTextContents();
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.length).toBeLessThanOrEqual(3);
  const own = rows.map((r) => {
    const [, name, amount] = /^(.+?): (£[\d,.]+)/.exec(r)!;
    expect(BRANCH).toContain(name);
    return pence(amount!);
  });
  expect(own).toEqual([...own].sort((a, b) => b - a));
  expect(own.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(actual);
  await expect(page.getByRole("region", { name: "Victories" })).toContainText("10-day logging streak");

  // "Next month from this one": this month, the result plus 10% (the stretch rule of goal.proposeNext).
  const stretched = proposeNextTarget(actual, 10, "money", { minorUnitsPerMajor: 100 }).target;
  const next = page.getByTestId("next-month");
  await expect(next).toContainText(`${nextName}: ${pounds(stretched)} from ${day(thisMonth)}`);
  await expect(next).toContainText(`this goal's result (${pounds(actual)}) plus 10%`);
  await page.getByRole("button", { name: "Create next month's goal (draft)" }).click();

  // A pre-filled draft: same branch and metric, this month, the stretch target.
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${nextName}`) })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  const summary = page.getByText(`${pounds(stretched)} of team volume from ${day(thisMonth)}`);
  await expect(summary).toContainText("split evenly · steady");

  // The draft form keeps the curve's strength.
  await page.getByRole("link", { name: "Edit draft" }).click();
  const form = page.getByRole("form", { name: "Edit the draft" });
  await expect(form.getByLabel("Target (GBP)", { exact: true })).toHaveValue(toInputString(stretched, "GBP"));
  await form.getByLabel("Curve", { exact: true }).selectOption({ label: "Front-loaded (more early)" });
  await form.getByLabel("Curve strength (%)").fill("170");
  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(form.getByText("A whole percent from 0 to 100")).toBeVisible();
  await form.getByLabel("Curve strength (%)").fill("70");
  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(summary).toContainText("front-loaded (70%)", { timeout: 20_000 });
  await page.getByRole("link", { name: "Edit draft" }).click();
  await expect(page.getByRole("form", { name: "Edit the draft" }).getByLabel("Curve strength (%)")).toHaveValue("70");
  await page.getByRole("link", { name: "Cancel" }).click();

  await page.getByRole("button", { name: "Publish goal" }).click();
  await expect(page.getByText("Published", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("targets-table").getByRole("rowheader", { name: /^Chloe Martin/ })).toBeVisible();
});

test("@phone edit a published goal with preview", async ({ page }) => {
  test.setTimeout(150_000);
  const oldDeadline = addDays(startOfPeriod(addDays(thisMonth, 40), "month"), -1);
  const newDeadline = addDays(oldDeadline, 15);
  await as(page, DEMO.olivia.email);
  await page.goto(`/${DEMO.teamSlug}/plan`);
  await page.getByRole("link", { name: new RegExp(`^${nextName}`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${nextName}`) })).toBeVisible();

  // Name, deadline and curve through the "Edit goal" card: first what changes for whom.
  const card = page.getByRole("region", { name: "Edit goal" });
  const form = card.getByRole("form", { name: "Edit the goal" });
  await form.getByLabel("Goal name").fill(editedName);
  await form.getByLabel("Deadline").fill(newDeadline);
  await form.getByLabel("Curve", { exact: true }).selectOption({ label: "Back-loaded (more late)" });
  await form.getByLabel("Curve strength (%)").fill("65");
  await form.getByRole("button", { name: "Preview changes" }).click();
  const preview = card.getByTestId("edit-preview");
  await expect(preview.getByRole("heading", { name: "What changes for whom" })).toBeFocused();
  await expect(preview).toContainText(`Name: ${nextName} to ${editedName}`);
  await expect(preview).toContainText(`Deadline: ${day(oldDeadline)} to ${day(newDeadline)}`);
  await expect(preview).toContainText("Curve: front-loaded (70%) to back-loaded (65%)");
  await expect(preview).toContainText(/Milestones that move \(\d+ members?'s? plans? changes? with them\)/);
  await expect(preview.getByRole("listitem").first()).toContainText("→");
  await preview.getByLabel(/^Reason/).fill("A fortnight more for the spring launch");
  await preview.getByRole("button", { name: "Save and publish the change" }).click();

  // The goal page shows the new goal, and its history the change.
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${editedName}`) })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText(`to ${day(newDeadline)} · split evenly · back-loaded (65%)`)).toBeVisible();
  const history = page.getByTestId("change-history");
  const edit = history.getByRole("listitem").filter({ hasText: "A fortnight more for the spring launch" });
  await expect(edit.first()).toBeVisible();
  await expect(history).toContainText(`Name: ${nextName} → ${editedName}`);
  await expect(history).toContainText(`Deadline: ${day(oldDeadline)} → ${day(newDeadline)}`);

  // The team's main goal: Chloe sees it first on her Log, and the new numbers on My plan.
  await page.getByRole("button", { name: "Make it the main goal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${editedName}`) })).toContainText("Main goal");
  await as(page, CHLOE);
  await page.goto(`/${DEMO.teamSlug}/plan`);
  const mine = page.getByRole("region", { name: new RegExp(`^${editedName}`) });
  await expect(mine).toContainText("Main goal");
  await expect(mine).toContainText(`by ${day(newDeadline)}`);
  await page.goto(`/${DEMO.teamSlug}/log`);
  const main = page.getByTestId("main-goal");
  await expect(main).toContainText("Main goal");
  await expect(main.getByRole("heading", { name: editedName })).toBeVisible();
  await expect(main).toContainText(/of your £[\d,.]+ team volume · by /);

  // Put away: archived, it is no longer the main goal and leaves the Log.
  await as(page, DEMO.olivia.email);
  await page.goto(`/${DEMO.teamSlug}/plan`);
  await page.getByRole("link", { name: new RegExp(`^${editedName}`) }).click();
  await page.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(page.getByText("Archived", { exact: true })).toBeVisible({ timeout: 20_000 });
  await as(page, CHLOE);
  await page.goto(`/${DEMO.teamSlug}/log`);
  await expect(page.getByRole("heading", { name: "Today's actions" })).toBeVisible();
  await expect(page.getByTestId("main-goal")).toHaveCount(0);
});
