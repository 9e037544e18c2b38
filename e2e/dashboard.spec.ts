/**
 * Dashboard journey at desktop size: the owner opens the demo team's dashboard, drills two levels down the tree
 * (breadcrumb back up), sees the pace of a member who is behind as a word (not colour alone), searches a member,
 * and the charts, leaderboard and victory feed are there. Axe check on the page.
 */
import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

const memberRow = (page: Page, name: string) => page.locator(`tr[data-member="${name}"]`);

test("@desktop the owner drills down the dashboard, sees who is behind and searches a member", async ({ page }) => {
  await signIn(page, DEMO.olivia.email);
  await page.goto(`/${DEMO.teamSlug}/dashboard`);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Goal", { exact: true })).toContainText("£50,000 team volume");

  await page.locator("fieldset").getByText("Goal to date", { exact: true }).click();
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

  // Ethan Brooks barely logs: behind, in words, with what each week must bring to finish on target.
  const ethan = memberRow(page, "Ethan Brooks");
  await expect(ethan).toBeVisible();
  await expect(ethan.locator('[data-pace="behind"]').first()).toHaveText("Behind");
  await expect(ethan).toContainText(/£[\d,]+ \/ week/);
  await expect(memberRow(page, "Nina Patel")).toBeVisible();

  // The drill is in the URL: the browser's Back goes up one level, Forward down again.
  await expect(page).toHaveURL(/\?root=/);
  await page.goBack();
  await expect(breadcrumb.locator('[aria-current="page"]')).toHaveText("Priya Shah");
  await page.goForward();
  await expect(breadcrumb.locator('[aria-current="page"]')).toHaveText("Marcus Reed");

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
  // Cheer the newest victory: the button turns into "Cheered" with one more cheer.
  const cheer = page.getByRole("button", { name: /^Cheer · \d+ cheers? for / }).first();
  await expect(cheer).toHaveAttribute("aria-pressed", "false");
  const name = (await cheer.textContent())?.replace(/\s+/g, " ").trim();
  expect(name).toMatch(/^Cheer · 0 cheers for /);
  const victory = name!.replace(/^Cheer · 0 cheers for /, "");
  await cheer.click();
  await expect(page.getByRole("button", { name: `Cheered · 1 cheer for ${victory}` })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  await expectAccessible(page);
});

test("@desktop the owner downloads the plan as CSV, previews a member import with row errors, and switches the leaderboard off and on", async ({
  page,
}) => {
  await signIn(page, DEMO.olivia.email);
  await page.goto(`/${DEMO.teamSlug}/dashboard`);
  await expect(memberRow(page, "Priya Shah")).toBeVisible();

  // Export: a CSV of every member's plan and actuals per week.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^50-000-team-volume-week\.csv$/);
  const csv = await (
    await download.createReadStream()
  )
    .toArray()
    .then((chunks) => Buffer.concat(chunks as Buffer[]).toString("utf8"));
  const lines = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe(
    "member,email,upline_email,period_start,period_end,metric,unit,currency,personal_target,personal_actual,team_target,team_actual," +
      "team_expected_to_date,team_actual_to_date,team_pace,team_forecast_at_deadline,team_catch_up_per_week,team_catch_up_per_day",
  );
  expect(lines.some((l) => l.startsWith("Ethan Brooks,ethan.brooks@demo.backplan.app,marcus@demo.backplan.app,"))).toBe(
    true,
  );
  // Money in major units of the team currency ("3012.50"), with the metric's unit and the currency; then the team's
  // goal to date from the one pace model (expected, actual, pace, forecast — empty without history — and catch-up).
  const money = String.raw`\d+\.\d{2}`;
  const row = new RegExp(
    `,Team volume,money,GBP,${money},${money},${money},${money},${money},${money},(ahead|on_track|at_risk|behind),(${money})?,${money},${money}$`,
  );
  expect(lines.slice(1).every((l) => row.test(l))).toBe(true);

  // Import preview: one good row, one with a bad email and an unknown upline; nothing is written until Import.
  const file = [
    "name,email,upline email",
    "Pat Preview,pat.preview@example.test,nina@demo.backplan.app",
    "Broken Row,not-an-email,nobody@example.test",
  ].join("\n");
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "members.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await expect(page.getByText("1 valid row, 1 with errors.")).toBeVisible();
  const preview = page.getByRole("region", { name: "Import preview (scrollable)" });
  await expect(preview.getByRole("row").nth(1)).toContainText("Email: Enter a valid email address");
  await expect(preview.getByRole("row").nth(1)).toContainText(
    "nobody@example.test is not a member of your part of the team",
  );
  await expect(preview.getByRole("row").nth(2)).toContainText("OK");
  // "All rows" cannot import while a row has errors; "only the valid rows" could.
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
  await page.getByLabel("Only the 1 valid row, skip the rest").check();
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeEnabled();
  await expectAccessible(page);

  // The owner switches the leaderboard off for the team, then back on.
  const toggle = page.getByRole("switch", { name: "Show to the team" });
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(page.getByText("The leaderboard is switched off.")).toBeVisible();
  await expect(toggle).not.toBeChecked();
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(page.getByRole("list", { name: "Leaderboard by result" })).toBeVisible();
});
