/**
 * Ranks as a back office shows them (phone): the owner sets Silver's rules (at most 40 % of the team volume from one
 * leg, legs holding Bronze, active members); an upline with three members opens their rank report card — every
 * requirement as required / actual / remaining / %, paid-as vs highest, the projection, the period picker, their
 * legs (a leg's card is a link) — and saves "reach Silver by the end of the month" as their plan: three linked goals,
 * listed together, each a goal page of its own.
 *
 * Grace Liu (an upline in James O'Connor's branch, with Ava, Ben and Layla below her) is used because no other spec
 * reads her branch: her saved plan's goals cascade to them.
 */
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";
import { expectFits } from "./layout-guard";

const GRACE = "grace.liu@demo.backplan.app";
const screens = process.env.RANK_SCREENS;

test("@phone a rank report card with legs and a saved rank plan", async ({ page }) => {
  test.setTimeout(150_000);
  // The owner gives Silver a leg cap, the rank its legs must hold and an active-member rule.
  await signIn(page, DEMO.olivia.email);
  await page.goto(`/${DEMO.teamSlug}/plan/settings`);
  const ranks = page.getByRole("region", { name: "Ranks" });
  await ranks.getByRole("button", { name: "Edit Silver" }).click();
  const form = page.getByRole("form", { name: "Edit Silver" });
  await form.getByLabel("Most from one leg (%)").fill("140");
  await form.getByRole("button", { name: "Save rank" }).click();
  await expect(form.getByText("Enter a whole percentage from 1 to 100")).toBeVisible();
  await form.getByLabel("Most from one leg (%)").fill("40");
  await form.getByLabel("A qualified leg holds").selectOption({ label: "Bronze" });
  await form.getByLabel("Active members", { exact: true }).fill("3");
  await form.getByLabel("Active means at least (GBP)").fill("100");
  await form.getByRole("button", { name: "Save rank" }).click();
  const silverRow = page.getByRole("table", { name: "Ranks and their monthly requirements" }).getByRole("row", {
    name: /Silver/,
  });
  await expect(silverRow).toContainText("40 %");
  await expect(silverRow).toContainText("2 at Bronze");
  await expect(silverRow).toContainText("3 (≥ £100)");

  // Grace opens her rank report from My plan.
  await page.context().clearCookies();
  await signIn(page, GRACE);
  await page.goto(`/${DEMO.teamSlug}/plan`);
  await page.getByRole("link", { name: "Open my rank report" }).click();
  await expect(page.getByRole("heading", { name: "Rank report", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your ranks" })).toBeVisible();
  await expect(page.getByTestId("paid-as")).toBeVisible();
  await expect(page.getByTestId("highest-rank")).toBeVisible();

  // Measured against Silver: five requirements, each with required / actual / remaining / %.
  await page.getByLabel("Measured against").selectOption({ label: "Silver" });
  await expect(page).toHaveURL(/rank=/);
  const requirements = page.getByRole("list", { name: "Requirements for Silver" });
  await expect(requirements.locator(":scope > li")).toHaveCount(5);
  const team = page.getByTestId("requirement-teamVolume");
  await expect(team).toContainText("Team volume (at most £2,000 from one leg, 40 %)");
  for (const word of ["Required", "Actual", "Remaining", "Done"]) await expect(team).toContainText(word);
  await expect(team).toContainText("£5,000");
  await expect(page.getByTestId("requirement-qualifiedLegs")).toContainText("Legs holding Bronze");
  await expect(page.getByTestId("requirement-activeMembers")).toContainText("Active members (logged at least £100)");
  await expect(page.getByTestId("rank-projection")).toContainText(/At this pace|qualif|not reached/);

  // Her legs: Ava, Ben and Layla; a leg's card is a link, and Back returns to hers.
  const legs = page.getByRole("list", { name: "Legs" });
  await expect(legs.locator(":scope > li")).toHaveCount(3);
  for (const name of ["Ava Nguyen", "Ben Carter", "Layla Hassan"]) await expect(legs).toContainText(name);
  await expectFits(page, "rank report");
  if (screens) await page.screenshot({ path: `${screens}-phone.png`, fullPage: true });
  await legs.getByRole("link", { name: "Ben Carter" }).click();
  await expect(page.getByRole("heading", { name: "Ben Carter's ranks" })).toBeVisible();
  await expect(page.getByRole("form", { name: /as my plan/ })).toHaveCount(0);
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Your ranks" })).toBeVisible();

  // The period picker: last month, in her calendar.
  await page.getByLabel("Period").selectOption({ index: 1 });
  await expect(page).toHaveURL(/period=\d{4}-\d{2}/);
  await expect(page.getByRole("combobox", { name: "Period" }).locator("option:checked")).toHaveText(/^Last month/);
  await expect(page.getByRole("heading", { name: /requirements in/ })).toBeVisible();
  await page.getByLabel("Period").selectOption({ index: 0 });
  await expect(page.getByRole("combobox", { name: "Period" }).locator("option:checked")).toHaveText(/^This month/);

  // "Save this as my plan": Silver by the default deadline, three linked goals listed together.
  await page.getByLabel("Measured against").selectOption({ label: "Silver" });
  const save = page.getByRole("form", { name: "Save Silver as my plan" });
  await save.getByRole("button", { name: "Save this as my plan" }).click();
  await expect(page.getByText("Saved: 3 goals for Silver.")).toBeVisible();
  const plan = page.getByTestId("rank-plan").first();
  await expect(plan).toContainText(/^Silver by/);
  await expect(plan.getByRole("link")).toHaveText([
    "Silver: personal volume",
    "Silver: team volume",
    "Silver: personally sponsored",
  ]);
  await expect(plan.getByText("Published")).toHaveCount(3);
  await expectAccessible(page);
  if (screens) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: `${screens}-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 812 });
  }

  // Each is a goal like any other: its page, with her as its root.
  const hrefs = await plan.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  await plan.getByRole("link", { name: "Silver: team volume" }).click();
  await expect(page).toHaveURL(/\/plan\/goals\//);
  await expect(page.getByRole("heading", { name: "Silver: team volume" }).first()).toBeVisible();

  // Put away: she archives the three goals, so the shared demo team's running goals are as the seed left them.
  for (const href of hrefs) {
    await page.goto(href);
    await page.getByRole("button", { name: "Archive" }).click();
    await expect(page.getByText("Goal archived. It is under Archived on the Plan page.")).toBeVisible();
  }
});
