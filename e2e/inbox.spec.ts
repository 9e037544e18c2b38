/**
 * The inbox (issue 20) at phone size: Nina proposes a different target on her upline Marcus's branch goal; Marcus's
 * bell counts it, the inbox lists it (unread said in words), its link opens the proposal on the Plan page and marks it
 * read; Marcus declines, so Nina's bell counts the decision, and she marks all read. Put away: the goal is archived and
 * both inboxes are left read, so the shared demo team is as the seed left it for the other specs.
 */
import type { Page } from "@playwright/test";
import { e2eToday, plusDays as addDays } from "./clock";
import { DEMO, expect, expectAccessible, onRunClock, signIn, test } from "./fixtures";

const plusDays = (days: number) => addDays(e2eToday(), days);
const bell = (page: Page) => page.getByTestId("notification-bell");

/** Opens the inbox through the bell and marks everything read (earlier specs may have left notifications). */
async function emptyInbox(page: Page) {
  await bell(page).click();
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  await expect(page.getByText("Loading your notifications…")).toHaveCount(0);
  const markAll = page.getByRole("button", { name: "Mark all read" });
  if ((await markAll.count()) > 0 && (await markAll.isEnabled())) await markAll.click();
  await expect(bell(page)).toHaveAttribute("aria-label", "Notifications, none unread");
}

test("@phone a proposal reaches the upline's bell and inbox; the decision reaches the member's", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const goalName = `Marcus's push ${Date.now().toString(36)}`;
  await signIn(page, DEMO.marcus.email);
  await page.goto(`/${DEMO.teamSlug}/plan`);
  await emptyInbox(page);

  // Marcus sets a goal for his branch (he decides proposals on it).
  await page.goto(`/${DEMO.teamSlug}/plan`);
  await page.getByRole("link", { name: "New goal" }).click();
  const form = page.getByRole("form", { name: "New goal" });
  await form.getByLabel("Goal name").fill(goalName);
  await form.getByLabel("Metric").selectOption({ label: "Team volume" });
  await form.getByLabel("Target (GBP)", { exact: true }).fill("4000");
  await form.getByLabel("Start", { exact: true }).fill(plusDays(0));
  await form.getByLabel("Deadline", { exact: true }).fill(plusDays(27));
  await form.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: "Publish goal" }).click();
  await expect(page.getByRole("heading", { name: goalName, level: 1 })).toBeVisible({ timeout: 20_000 });

  // Nina proposes a different target on it, on her phone.
  const ninaContext = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const nina = await ninaContext.newPage();
  await onRunClock(nina);
  await signIn(nina, DEMO.nina.email);
  await nina.goto(`/${DEMO.teamSlug}/plan`);
  await emptyInbox(nina);
  await nina.goto(`/${DEMO.teamSlug}/plan`);
  const card = nina.getByRole("region", { name: goalName });
  await card.getByRole("button", { name: "Propose a different target" }).click();
  const propose = card.getByRole("form", { name: "Propose a different target" });
  await propose.getByLabel("My proposed target (GBP)").fill("900");
  await propose.getByRole("button", { name: "Send proposal" }).click();
  await expect(nina.getByText(/sent|waiting/i).first()).toBeVisible();

  // Marcus's bell counts it (the count is text, and said in the bell's name).
  await page.goto(`/${DEMO.teamSlug}/log`);
  await expect(bell(page)).toHaveAttribute("aria-label", "Notifications, 1 unread");
  await expect(bell(page)).toHaveText("1");
  const box = await bell(page).boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(44);
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await bell(page).click();
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  const list = page.getByRole("list", { name: "Notifications" });
  const item = list.getByRole("link").filter({ hasText: "Nina Patel proposed a different target" });
  await expect(item).toContainText("Unread");
  await expect(item).toContainText(goalName);
  await expectAccessible(page);
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(scroll).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "/tmp/inbox-phone-inbox.png", fullPage: true });

  // Its link opens the proposal on the Plan page, and marks it read.
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/${DEMO.teamSlug}/plan#proposals-heading$`));
  const waiting = page.getByRole("list", { name: "Waiting for your decision" });
  const proposal = waiting.getByRole("listitem").filter({ hasText: goalName });
  await expect(proposal).toContainText("Nina Patel proposes £900");
  await expect(bell(page)).toHaveAttribute("aria-label", "Notifications, none unread");
  await proposal.getByRole("button", { name: "Decline Nina Patel's proposal" }).click();
  await expect(page.getByText("Declined.")).toBeVisible();

  // Nina's bell counts the decision; she reads it and marks all read.
  await nina.goto(`/${DEMO.teamSlug}/log`);
  await expect(bell(nina)).toHaveAttribute("aria-label", "Notifications, 1 unread");
  await bell(nina).click();
  const decided = nina.getByRole("list", { name: "Notifications" }).getByRole("link").first();
  await expect(decided).toContainText("Your proposal was declined");
  await expect(decided).toContainText("Unread");
  await nina.screenshot({ path: "/tmp/inbox-phone-nina.png", fullPage: true });
  await nina.getByRole("button", { name: "Mark all read" }).click();
  await expect(bell(nina)).toHaveAttribute("aria-label", "Notifications, none unread");
  await expect(decided).not.toContainText("Unread");
  await expect(nina.getByRole("button", { name: "Mark all read" })).toBeDisabled();
  await ninaContext.close();

  // Marcus's inbox shows it read, in regular weight.
  await page.goto(`/${DEMO.teamSlug}/inbox`);
  await expect(
    page.getByRole("list", { name: "Notifications" }).getByRole("link").filter({ hasText: goalName }),
  ).not.toContainText("Unread");

  // Put away: the goal he set is his to archive.
  await page.goto(`/${DEMO.teamSlug}/plan`);
  await page.getByRole("link", { name: goalName }).first().click();
  // The goal's own page first: the Plan page has an "Archived" button of its own.
  await expect(page.getByRole("heading", { name: goalName, level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(page.getByText("Goal archived. It is under Archived on the Plan page.")).toBeVisible();
});

test("@desktop the bell sits in the header beside the account menu and opens the inbox", async ({ page }) => {
  await signIn(page, DEMO.marcus.email);
  await page.goto(`/${DEMO.teamSlug}/dashboard`);
  await expect(bell(page)).toHaveAttribute("aria-label", /^Notifications, (none|\d+|99\+) unread$/);
  await bell(page).click();
  await expect(page.getByRole("heading", { name: "Inbox", level: 1 })).toBeVisible();
  await expect(page.getByText("Loading your notifications…")).toHaveCount(0);
  await expect(bell(page)).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/inbox-desktop.png", fullPage: true });
});
