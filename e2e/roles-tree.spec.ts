/**
 * Roles follow the tree (issue 17): Chloe Martin is a plain MEMBER of the demo team who sponsors three people. She
 * sets a goal for her branch, one of her recruits (Maya Cohen) proposes a different target on it, and Chloe — no
 * LEADER role — decides it. Phone size: sponsors run their branch from their phone.
 */
import { e2eToday, plusDays as addDays } from "./clock";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

const CHLOE = "chloe.martin@demo.backplan.app";
const MAYA = "maya.cohen@demo.backplan.app";

const plusDays = (days: number) => addDays(e2eToday(), days);

test("@phone a sponsor without the LEADER role sets a goal for her branch and decides a proposal in it", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const goalName = `Chloe's push ${Date.now().toString(36)}`;
  await signIn(page, CHLOE);
  await page.goto(`/${DEMO.teamSlug}/plan`);
  await page.getByRole("link", { name: "New goal" }).click();
  const form = page.getByRole("form", { name: "New goal" });
  await form.getByLabel("Goal name").fill(goalName);
  await form.getByLabel("Metric").selectOption({ label: "Team volume" });
  await form.getByLabel("Target (GBP)", { exact: true }).fill("4000");
  await form.getByLabel("Start", { exact: true }).fill(plusDays(0));
  await form.getByLabel("Deadline", { exact: true }).fill(plusDays(27));
  // Her own branch is the only one she may plan for.
  await expect(form.getByLabel("For").locator("option:checked")).toHaveText("My team (me and my downline)");
  await form.getByRole("button", { name: "Preview" }).click();
  const tree = page.getByTestId("cascade-tree");
  await expect(tree.getByRole("rowheader", { name: /^Maya Cohen/ })).toBeVisible();
  await expect(tree.getByRole("rowheader", { name: /^Olivia Hart/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Publish goal" }).click();
  await expect(page.getByRole("heading", { name: goalName, level: 1 })).toBeVisible({ timeout: 20_000 });

  // Maya proposes a different target on her upline's goal.
  const mayaContext = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const maya = await mayaContext.newPage();
  await signIn(maya, MAYA);
  await maya.goto(`/${DEMO.teamSlug}/plan`);
  const card = maya.getByRole("region", { name: goalName });
  await card.getByRole("button", { name: "Propose a different target" }).click();
  const propose = card.getByRole("form", { name: "Propose a different target" });
  await propose.getByLabel("My proposed target (GBP)").fill("900");
  await propose.getByLabel("Note for your upline (optional)").fill("School holidays");
  await propose.getByRole("button", { name: "Send proposal" }).click();
  await expect(maya.getByText(/sent|waiting/i).first()).toBeVisible();
  await mayaContext.close();

  // Chloe decides it: it is in her inbox, and accepting sets Maya's target.
  await page.goto(`/${DEMO.teamSlug}/plan`);
  const inbox = page.getByRole("list", { name: "Waiting for your decision" });
  const item = inbox.getByRole("listitem").filter({ hasText: goalName });
  await expect(item).toContainText("Maya Cohen proposes £900");
  await expectAccessible(page);
  await item.getByRole("button", { name: "Accept Maya Cohen's proposal" }).click();
  await expect(page.getByText("Accepted: their target is set and the others rebalanced.")).toBeVisible();
  await page.getByRole("link", { name: goalName }).first().click();
  const targets = page.getByTestId("targets-table");
  const mayaRow = targets.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^Maya Cohen/ }) });
  await expect(mayaRow.getByRole("cell").first()).toHaveText("£900");
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(scroll).toBeLessThanOrEqual(0);

  // Put away: the goal she set is hers to archive, so the shared demo team's running goals are as the seed left them.
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByText("Goal archived. It is under Archived on the Plan page.")).toBeVisible();
});
