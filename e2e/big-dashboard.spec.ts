/**
 * The dashboard of a branch too big to send whole (issue 21): the 2,000-member team seeded by scripts/e2e.mjs. The
 * owner gets the first view — their own numbers, their direct downline, the members furthest behind and how many are
 * off pace — searches the branch on the server (each match with the path to it), opens a member deep in the tree and
 * goes back up. At desktop size and at 375×812 (nothing wider than the phone), with an axe check.
 */
import type { Page } from "@playwright/test";
import { BIG_TEAM, expect, expectAccessible, signInAs, test } from "./fixtures";
import { expectFits } from "./layout-guard";

const below = (BIG_TEAM.members - 1).toLocaleString("en-GB");

async function openBigDashboard(page: Page) {
  await signInAs(page, BIG_TEAM.owner);
  await page.goto(`/${BIG_TEAM.slug}/dashboard`);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.getByTestId("as-of")).toContainText(
    `${BIG_TEAM.members.toLocaleString("en-GB")} members in this branch`,
  );
  await expect(page.getByTestId("as-of")).toContainText(/Figures as of \d{1,2}:\d{2}/);
  const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(breadcrumb.locator('[aria-current="page"]')).toHaveText("Member 0's team");
  return breadcrumb;
}

test("@desktop a 2,000-member dashboard opens on its first view, searches the branch and drills in", async ({
  page,
}) => {
  const breadcrumb = await openBigDashboard(page);

  // The first view: the owner and their direct downline, not 2,000 rows; no "expand all" over a branch this big.
  const rows = page.locator("tr[data-member]");
  await expect(rows.first()).toBeVisible();
  const shown = await rows.count();
  expect(shown).toBeGreaterThan(1);
  expect(shown).toBeLessThan(100);
  await expect(page.getByRole("button", { name: /expand all/i })).toHaveCount(0);

  // Furthest behind: at most ten, out of how many are off pace below the owner.
  await expect(page.locator('section[aria-labelledby="off-pace-heading"]')).toContainText(
    `of ${below} below Member 0 are off pace`,
  );
  const behind = page.getByRole("list", { name: "Furthest behind" }).getByRole("listitem");
  expect(await behind.count()).toBeLessThanOrEqual(10);

  // The server search: 111 names contain "Member 19" (19, 190–199, 1900–1999); the first 25 are listed with paths.
  await page.getByLabel("Search a member").fill("Member 19");
  await expect(page.getByText("111 members match “Member 19”; the first 25:")).toBeVisible();
  const results = page.getByRole("list", { name: "Search results" }).getByRole("listitem");
  await expect(results).toHaveCount(25);

  await page.getByLabel("Search a member").fill("Member 1999");
  await expect(page.getByText("1 member match “Member 1999”.")).toBeVisible();
  const match = page.getByRole("list", { name: "Search results" }).getByRole("listitem");
  await expect(match).toHaveAttribute("data-member", "Member 1999");
  await expect(match).toContainText("Member 0"); // the path down from the top

  // Open them: the page drills to their branch, the breadcrumb ends with them, Back goes up again.
  await match.getByRole("button", { name: "Open Member 1999" }).click();
  await expect(breadcrumb.locator('[aria-current="page"]')).toHaveText("Member 1999");
  await expect(page.getByRole("heading", { name: /^Member 1999's team · / })).toBeVisible();
  await expect(page).toHaveURL(/\?root=/);
  await expectAccessible(page);
  await page.goBack();
  await expect(breadcrumb.locator('[aria-current="page"]')).toHaveText("Member 0's team");
  await expect(page.getByTestId("as-of")).toBeVisible();
});

test("@phone the 2,000-member dashboard fits a phone", async ({ page }) => {
  await openBigDashboard(page);
  await page.getByLabel("Search a member").fill("Member 1999");
  await expect(page.getByText("1 member match “Member 1999”.")).toBeVisible();
  await expectFits(page, "big dashboard, search");
  await expectAccessible(page);
});
