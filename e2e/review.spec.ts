/**
 * Weekly review journey at desktop size: the owner starts the weekly review (of last week, mid-goal), moves through
 * the four steps with the keyboard only (→, Page Down, Page Up, ←), enters a member's commitment, closes the
 * review, and reopens it read-only from the list of past reviews. Axe check on the review list and on the meeting screen.
 */
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

test("@desktop the owner runs a weekly review to the end with the keyboard, closes it and reopens it", async ({
  page,
}) => {
  await signIn(page, DEMO.olivia.email);
  await page.goto(`/${DEMO.teamSlug}/review`);
  await expect(page.getByRole("heading", { name: "Weekly review", level: 1 })).toBeVisible();
  await expectAccessible(page);

  // The whole team by default; a branch's own meeting can be run too.
  const whose = page.getByLabel("Whose team");
  await expect(whose.locator("option:checked")).toHaveText("My whole team (40 people)");
  await expect(whose.locator("option", { hasText: "Priya Shah's team (13 people)" })).toHaveCount(1);
  await page.getByRole("button", { name: "Start the weekly review" }).click();
  await expect(page).toHaveURL(new RegExp(`/${DEMO.teamSlug}/review/[A-Za-z0-9_-]+$`));
  // The screen says which week it reviews: the demo goal began weeks ago, so last week.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Weekly review · Last week \(\d+ \w+ – \d+ \w+\)$/);
  const reviewUrl = page.url();
  const stepHeading = page.locator("#review-step-heading");

  // 1) Scoreboard: the goal on a page, last week's plan vs actual with its pace in words.
  await expect(stepHeading).toContainText("Scoreboard");
  await expect(page.getByText(/£50,000 team volume by/)).toBeVisible();
  await expect(page.getByText(/^Last week \(/)).toBeVisible();
  await expect(page.locator("[data-pace]").first()).toHaveText(/Ahead|On track|At risk|Behind/);
  await expectAccessible(page);

  // 2) Off pace, by keyboard: the heading takes the focus; Ethan Brooks is there with his catch-up number.
  await page.keyboard.press("ArrowRight");
  await expect(stepHeading).toContainText("Off pace");
  await expect(stepHeading).toBeFocused();
  const ethan = page
    .getByRole("list", { name: "Members off pace" })
    .getByRole("listitem")
    .filter({ hasText: "Ethan Brooks" });
  await expect(ethan).toContainText("Behind");
  await expect(ethan).toContainText(/£[\d,]+ \/ week to finish on target/);

  // 3) Wins, 4) Commitments; Page Up goes back, Page Down forward.
  await page.keyboard.press("PageDown");
  await expect(stepHeading).toContainText("Wins of the week");
  await page.keyboard.press("ArrowRight");
  await expect(stepHeading).toContainText("Commitments");
  await page.keyboard.press("PageUp");
  await expect(stepHeading).toContainText("Wins of the week");
  await page.keyboard.press("PageDown");
  await expect(stepHeading).toContainText("Commitments");
  await expect(stepHeading).toBeFocused();
  await expect(page.getByText(/^For the coming week, /)).toBeVisible();

  // Enter Ethan's commitment with the keyboard.
  await page.getByLabel("Find a member").fill("Ethan");
  await page.getByRole("button", { name: "Enter Ethan Brooks's commitment" }).click();
  const form = page.getByRole("form", { name: "Ethan Brooks's commitment" });
  await expect(form.getByLabel("Commits to")).toBeFocused();
  await page.keyboard.type("30 contacts a day");
  await form.getByLabel("Amount of team volume in £ (optional)").fill("150");
  await page.keyboard.press("Enter");
  const commitments = page.getByRole("list", { name: "Commitments" });
  await expect(commitments).toContainText("30 contacts a day (£150)");
  await expect(commitments).toContainText("entered by Olivia Hart");
  await expect(page.getByRole("button", { name: "Edit Ethan Brooks's commitment" })).toBeFocused();
  await page.getByLabel("Find a member").fill("");
  await expectAccessible(page);

  // Close in full screen, as on the meeting-room screen: the review becomes read-only and the confirmation toast
  // is visible on top of the full-screen stage.
  await page.getByRole("button", { name: "Full screen" }).click();
  await expect(page.getByRole("button", { name: "Exit full screen" })).toBeVisible();
  expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await page.getByRole("button", { name: "Close the review and send the digest" }).click();
  const closedToast = page.getByText(/Review closed\. Digest sent to \d+ leaders?\./);
  await expect(closedToast).toBeVisible();
  // Not merely in the DOM: the toast is what is on top at its own centre (nothing full screen covers it). Polled:
  // the toast slides in, so its box is measured again until it has settled.
  await expect
    .poll(async () => {
      const box = await closedToast.boundingBox();
      if (!box) return false;
      return page.evaluate(
        ([x, y]) => document.elementFromPoint(x!, y!)?.closest("[data-sonner-toast]") != null,
        [box.x + box.width / 2, box.y + box.height / 2],
      );
    })
    .toBe(true);
  await expect(page.getByText(/Closed on .* · read-only/)).toBeVisible();
  await expect(page.getByRole("button", { name: /Ethan Brooks's commitment$/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Exit full screen" }).click();
  await expect(page.getByRole("button", { name: "Full screen" })).toBeVisible();

  // Reopen it from the list of past reviews: read-only, with the commitment as agreed.
  await page.getByRole("link", { name: "All reviews" }).click();
  const past = page.getByRole("list", { name: "Past and open reviews" });
  const closedItem = past
    .getByRole("link")
    .filter({ hasText: /Closed on/ })
    .first();
  await expect(closedItem).toContainText("£50,000 team volume");
  await closedItem.click();
  await expect(page).toHaveURL(reviewUrl);
  await expect(page.getByText(/Closed on .* · read-only/)).toBeVisible();
  await page.keyboard.press("End");
  await expect(stepHeading).toContainText("Commitments");
  await expect(page.getByRole("list", { name: "Commitments" })).toContainText("30 contacts a day (£150)");
  await expect(page.getByRole("button", { name: "Close the review and send the digest" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /commitment$/ })).toHaveCount(0);
});

test("@phone Nina enters her own commitment before the meeting and her upline's review shows it", async ({ page }) => {
  await signIn(page, DEMO.nina.email);
  await page.goto(`/${DEMO.teamSlug}/review`);
  // A member cannot run a review, but enters their commitment for the coming week (what a review held today
  // agrees: next week mid-week, this week on its first day), marked as such.
  await expect(page.getByRole("button", { name: "Start the weekly review" })).toHaveCount(0);
  const coming = page.getByRole("form").filter({ hasText: "a weekly review held today agrees this one" });
  await expect(coming).toHaveCount(1);
  await coming.getByLabel("I commit to").fill("Two presentations and 50 contacts");
  await coming.getByLabel("Amount of team volume in £ (optional)").fill("200");
  await coming.getByRole("button", { name: /^Save (this|next) week's commitment$/ }).click();
  await expect(page.getByText("Commitment saved.")).toBeVisible();
  await expectAccessible(page);

  // Marcus, her upline, starts his review: Nina's commitment is there, entered by her.
  await page.context().clearCookies();
  await signIn(page, DEMO.marcus.email);
  await page.goto(`/${DEMO.teamSlug}/review`);
  await page.getByRole("button", { name: "Start the weekly review" }).click();
  await expect(page.locator("#review-step-heading")).toContainText("Scoreboard");
  await page.getByRole("button", { name: "4. Commitments" }).click();
  const nina = page.getByRole("list", { name: "Commitments" }).getByRole("listitem").filter({ hasText: "Nina Patel" });
  await expect(nina).toContainText("Two presentations and 50 contacts (£200)");
  await expect(nina).toContainText("entered by Nina Patel");
  await expectAccessible(page);
});
