/**
 * Dashboard journey at desktop size: the owner opens the demo team's dashboard, drills two levels down the tree
 * (breadcrumb back up), sees the pace of a member who is behind as a word (not colour alone), searches a member,
 * and the charts, leaderboard and victory feed are there. Axe check on the page.
 */
import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, login, test } from "./fixtures";

const memberRow = (page: Page, name: string) => page.locator(`tr[data-member="${name}"]`);

test("@desktop the owner drills down the dashboard, sees who is behind and searches a member", async ({ page }) => {
  await login(page, DEMO.olivia.email);
  await page.goto(`/${DEMO.teamSlug}/dashboard`);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Goal", { exact: true })).toContainText("£50,000 team volume");

  await page.getByText("Goal to date", { exact: true }).click();
  await expect(page.getByRole("radio", { name: "Goal to date" })).toBeChecked();
  const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(breadcrumb.locator('[aria-current="page"]')).toHaveText("Olivia Hart's team");
  // The root and the first level are open: the three leaders are rows with their own and team numbers.
  for (const leader of ["Priya Shah", "James O'Connor", "Sofia Rossi"])
    await expect(memberRow(page, leader)).toBeVisible();
  await expect(memberRow(page, "Olivia Hart")).toContainText(/Ahead|On track|At risk|Behind/);

  // Drill two levels: Priya Shah, then Marcus Reed.
  await page.getByRole("button", { name: "Open Priya Shah's team" }).click();
  await expect(breadcrumb.locator('[aria-current="page"]')).toHaveText("Priya Shah");
  await expect(memberRow(page, "James O'Connor")).toHaveCount(0);
  await page.getByRole("button", { name: "Open Marcus Reed's team" }).click();
  await expect(breadcrumb.getByRole("listitem")).toHaveText(["Olivia Hart's team", "Priya Shah", "Marcus Reed"]);
  await expect(page.getByRole("heading", { name: /^Marcus Reed's team · Team volume · Goal to date/ })).toBeVisible();

  // Ethan Brooks barely logs: behind, in words, with a catch-up number.
  const ethan = memberRow(page, "Ethan Brooks");
  await expect(ethan).toBeVisible();
  await expect(ethan.locator('[data-pace="behind"]').first()).toHaveText("Behind");
  await expect(ethan).toContainText(/\+£[\d,]+ \/ week/);
  await expect(memberRow(page, "Nina Patel")).toBeVisible();

  // Back up one level with the breadcrumb, then to the top.
  await breadcrumb.getByRole("button", { name: "Priya Shah" }).click();
  await expect(memberRow(page, "Chloe Martin")).toBeVisible();
  await breadcrumb.getByRole("button", { name: "Olivia Hart's team" }).click();
  await expect(memberRow(page, "Sofia Rossi")).toBeVisible();

  // Search reveals a member deep in another branch, with the path to them.
  await page.getByLabel("Search a member").fill("layla");
  await expect(page.getByText("1 member match “layla”.")).toBeVisible();
  await expect(memberRow(page, "Layla Hassan")).toBeVisible();
  await expect(memberRow(page, "Layla Hassan").locator("mark")).toHaveText("Layla");
  await expect(memberRow(page, "James O'Connor")).toBeVisible();
  await expect(memberRow(page, "Priya Shah")).toHaveCount(0);
  await page.getByLabel("Search a member").fill("");

  // Charts, leaderboard and victories.
  await expect(page.getByText("Cumulative plan vs actual")).toBeVisible();
  await expect(page.getByRole("table").filter({ hasText: "Done / planned" })).toContainText("Contacts");
  await expect(page.getByRole("list", { name: "Leaderboard by result" }).getByRole("listitem").first()).toContainText(
    "1.",
  );
  await expect(page.getByRole("button", { name: /^Cheer / }).first()).toBeVisible();

  await expectAccessible(page);
});
