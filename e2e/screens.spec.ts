/**
 * Screenshots of every page at phone size (375×812) into docs/screens/, on the seeded demo at the run's pinned
 * instant (e2e/clock.ts), plus the dashboard and the Log at desktop size (1280×800). Only with SCREENS=1:
 * `npm run screens` (scripts/screens.mjs) runs this spec alone on a fresh database; a normal `npm run test:e2e`
 * skips it, so CI writes no images. docs/screens/README.md lists the files.
 *
 * Each image is the page from its top at 1 image pixel per CSS pixel: the viewport is made as tall as the page (at
 * most 3000 px) for the shot, so the bottom tab bar sits at the bottom of the image as on a phone.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "@playwright/test";
import { devices } from "@playwright/test";
import { DEMO, expect, onRunClock, signIn, test } from "./fixtures";
import { settle } from "./layout-guard";

const OUT = fileURLToPath(new URL("../docs/screens/", import.meta.url));
const MAX_HEIGHT = 3000;

test.skip(!process.env.SCREENS, "Screenshots only with SCREENS=1 (npm run screens).");

async function shoot(page: Page, name: string, { fullPage = true } = {}) {
  await settle(page);
  await page.evaluate(() => document.fonts.ready);
  const size = page.viewportSize()!;
  if (fullPage) {
    const scrollHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({
      width: size.width,
      height: Math.min(MAX_HEIGHT, Math.max(size.height, scrollHeight)),
    });
    await page.evaluate(() => window.scrollTo(0, 0));
    await settle(page);
  }
  await page.waitForTimeout(800); // chart animations
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, `${name}.png`), scale: "css", animations: "disabled", caret: "hide" });
  await page.setViewportSize(size);
}

async function open(page: Page, url: string, heading: string | RegExp) {
  await page.goto(url);
  await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible({ timeout: 20_000 });
}

async function desktopPage(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await browser.newContext({
    ...devices["Desktop Chrome"],
    viewport: { width: 1280, height: 800 },
    baseURL,
  });
  const page = await onRunClock(await context.newPage());
  await signIn(page, email);
  return page;
}

const slug = DEMO.teamSlug;

test("@phone @screens every page at phone size", async ({ page }) => {
  test.setTimeout(300_000);
  await open(page, "/signin", "Sign in");
  await shoot(page, "signin");
  await open(page, "/signup", "Create your account");
  await shoot(page, "signup");
  await open(page, "/reset-password", "Reset your password");
  await shoot(page, "reset-password");
  await open(page, "/verify-email?token=expired-or-unknown", "Confirm your email");
  await shoot(page, "verify-email-bad-link");

  // The owner.
  await signIn(page, DEMO.olivia.email);
  await open(page, "/teams", "Your teams");
  await shoot(page, "teams");
  await open(page, `/${slug}/plan`, "Plan");
  await shoot(page, "plan");
  await page.getByRole("region", { name: "Goals you set" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/plan\/goals\//);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "goal");
  await open(page, `/${slug}/plan/new`, "New goal");
  await shoot(page, "new-goal");
  const form = page.getByRole("form", { name: "New goal" });
  await form.getByLabel("Goal name").fill("Spring sprint");
  await form.getByLabel("Metric").selectOption({ label: "Team volume" });
  await form.getByLabel("Target (GBP)", { exact: true }).fill("20000");
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: /^Preview: / })).toBeVisible({ timeout: 30_000 });
  await shoot(page, "new-goal-preview");
  await open(page, `/${slug}/plan/settings`, "Metrics, funnels and ranks");
  await shoot(page, "plan-settings");
  await open(page, `/${slug}/plan/calendar`, "Team calendar");
  await shoot(page, "team-calendar");
  await open(page, `/${slug}/dashboard`, "Dashboard");
  await shoot(page, "dashboard");
  await page.getByRole("region", { name: "Leaderboard" }).evaluate((el) => {
    el.scrollIntoView({ block: "start" });
    window.scrollBy(0, -72); // below the sticky header
  });
  await shoot(page, "leaderboard", { fullPage: false });
  await open(page, `/${slug}/team`, "Team");
  await shoot(page, "team");
  await open(page, `/${slug}/review`, "Weekly review");
  await shoot(page, "review");
  await page.getByRole("button", { name: /^Start the (weekly )?review/ }).click();
  await expect(page.locator("#review-step-heading")).toContainText("Scoreboard", { timeout: 20_000 });
  await shoot(page, "meeting-mode");
  await page.getByRole("button", { name: "4. Commitments" }).click();
  await expect(page.locator("#review-step-heading")).toContainText("Commitments");
  await shoot(page, "meeting-mode-commitments");
  await page.goto(`/${slug}/team`);
  await page.getByRole("button", { name: "Invite people" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite people" });
  await dialog.getByRole("button", { name: "Create invite link" }).click();
  const link = await dialog.getByLabel(/^Invite link/).inputValue();

  // A member: My plan and the Log (then the toast after a tap).
  await page.context().clearCookies();
  await open(page, link, /^Join /);
  await shoot(page, "join");
  await signIn(page, DEMO.nina.email);
  await open(page, `/${slug}/plan`, "Plan");
  await shoot(page, "my-plan");
  await open(page, `/${slug}/log`, "Log");
  await expect(page.getByText("All entries saved")).toBeVisible();
  await shoot(page, "log");
  const add = page.getByRole("button", { name: /^Add 1 / }).first();
  await add.click();
  await expect(page.locator("[data-sonner-toast]").getByRole("button", { name: "Undo" })).toBeVisible();
  await page.waitForTimeout(600); // the toast's slide-in
  await shoot(page, "log-toast", { fullPage: false });
});

test("@phone @screens the dashboard and the Log at desktop size", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const owner = await desktopPage(browser, baseURL, DEMO.olivia.email);
  await open(owner, `/${slug}/dashboard`, "Dashboard");
  await shoot(owner, "desktop-dashboard");
  await owner.context().close();
  const member = await desktopPage(browser, baseURL, DEMO.nina.email);
  await open(member, `/${slug}/log`, "Log");
  await shoot(member, "desktop-log");
  await member.context().close();
});
