/**
 * The member profile (issue 17). Phone: a member follows My plan's "set your own in your profile", sets their minutes
 * a day, and My plan's time check changes at once; a leader sets a member's split weight on the Team page and the
 * weighted goal preview changes (and changes again when the weight is set back in the preview itself). Desktop: the
 * profile page at desktop size, accessible.
 *
 * Both phone tests change shared demo data and put it back: Zara's minutes a day (not said), Ethan's weight (100%).
 */
import { e2eToday, plusDays } from "./clock";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";
import { expectFits } from "./layout-guard";

const ZARA = "zara.ahmed@demo.backplan.app";

test("@phone a member sets minutes a day in their profile and My plan's time check changes", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, ZARA);
  await page.goto(`/${DEMO.teamSlug}/plan`);
  const card = page.getByRole("region", { name: "£50,000 team volume" });
  // The time check: the note's paragraph (its first words say whether it fits).
  const timeCheck = card.locator("p", { hasText: /Fits your time\.|Does not fit your time\./ });
  await expect(timeCheck).toBeVisible();
  await expect(timeCheck).toContainText(/(of your|you have) 60 a day/);
  await expect(timeCheck).toContainText("assumed");

  // The time check's own link leads to the minutes on the profile.
  await card.getByRole("link", { name: /set your own in your profile|Set your minutes a day/ }).click();
  await expect(page.getByRole("heading", { name: "Your profile", level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/profile#minutes$/);
  const minutes = page.getByLabel("Minutes a day");

  // A clear error for what is not minutes in a day; nothing is saved.
  await minutes.fill("2000");
  await page.getByRole("button", { name: "Save minutes" }).click();
  await expect(page.getByText("A day has 1,440 minutes: enter at most 1440")).toBeVisible();
  await expect(minutes).toBeFocused();

  await minutes.fill("5");
  await page.getByRole("button", { name: "Save minutes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your plans now count on 5 minutes a day." })).toBeVisible();
  await expect(page.getByTestId("conversion-rate").first()).toBeVisible();
  await page.screenshot({ path: "/tmp/profile-phone.png", fullPage: true });
  await expectFits(page, "profile");
  await expectAccessible(page);

  try {
    await page.goto(`/${DEMO.teamSlug}/plan`);
    await expect(page.getByRole("heading", { name: "My plan" })).toBeVisible();
    const after = page
      .getByRole("region", { name: "£50,000 team volume" })
      .locator("p", { hasText: /Fits your time\.|Does not fit your time\./ });
    await expect(after).toContainText(/(of your|you have) 5 a day/);
    await expect(after).not.toContainText("assumed");
  } finally {
    // Back to "not said" for the other specs.
    await page.goto(`/${DEMO.teamSlug}/profile`);
    await page.getByLabel("Minutes a day").fill("");
    await page.getByRole("button", { name: "Save minutes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "assume 60 minutes a day again" })).toBeVisible();
  }
});

test("@phone a leader sets a member's split weight and the weighted goal preview changes", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.marcus.email);
  await page.goto(`/${DEMO.teamSlug}/team`);
  const ethan = page.getByRole("treeitem", { name: /^Ethan Brooks/ });
  await ethan.getByRole("button", { name: "Actions for Ethan Brooks" }).click();
  await page.getByRole("menuitem", { name: "Split weight…" }).click();
  const dialog = page.getByRole("dialog", { name: "Split weight of Ethan Brooks" });
  await dialog.getByLabel("Share of a full-time member (%)").fill("50");
  await dialog.getByRole("button", { name: "Save weight" }).click();
  await expect(dialog).toBeHidden();
  await expect(ethan.getByTestId("split-weight")).toHaveText("Weight 50%");
  await page.screenshot({ path: "/tmp/profile-weight-tree.png" });

  try {
    // A goal for Marcus's team (Marcus, Nina, Ethan, Zara), split by weight: Ethan at 50% gets half a full share.
    await page.goto(`/${DEMO.teamSlug}/plan/new`);
    const form = page.getByRole("form", { name: "New goal" });
    await form.getByLabel("Goal name").fill(`Weighted ${Date.now().toString(36)}`);
    await form.getByLabel("Metric").selectOption({ label: "Team volume" });
    await form.getByLabel("Target (GBP)", { exact: true }).fill("3500");
    await form.getByLabel("Start", { exact: true }).fill(e2eToday());
    await form.getByLabel("Deadline", { exact: true }).fill(plusDays(e2eToday(), 28));
    await form.getByLabel("Split between members").selectOption({ label: "By each member's weight" });
    await form.getByRole("button", { name: "Preview" }).click();

    const tree = page.getByTestId("cascade-tree");
    const row = (name: string) =>
      tree.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });
    // 3.5 full shares of £3,500: £1,000 each, Ethan £500.
    await expect(row("Ethan Brooks").getByLabel("Weight of Ethan Brooks (%)")).toHaveValue("50");
    await expect(row("Ethan Brooks")).toContainText("£500");
    await expect(row("Zara Ahmed")).toContainText("£1,000");
    await tree.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/profile-weight-preview.png" });
    await expectAccessible(page);

    // Set back to full time from the preview itself: the preview follows (4 shares: £875 each).
    await row("Ethan Brooks").getByLabel("Weight of Ethan Brooks (%)").fill("100");
    await row("Ethan Brooks").getByRole("button", { name: "Set" }).click();
    await expect(row("Ethan Brooks")).toContainText("£875");
    await expect(row("Zara Ahmed")).toContainText("£875");
    await expect(row("Ethan Brooks").getByLabel("Weight of Ethan Brooks (%)")).toHaveValue("100");
  } finally {
    await page.goto(`/${DEMO.teamSlug}/team`);
    const again = page.getByRole("treeitem", { name: /^Ethan Brooks/ });
    if ((await again.getByTestId("split-weight").count()) > 0) {
      await again.getByRole("button", { name: "Actions for Ethan Brooks" }).click();
      await page.getByRole("menuitem", { name: "Split weight…" }).click();
      const d = page.getByRole("dialog", { name: "Split weight of Ethan Brooks" });
      await d.getByLabel("Share of a full-time member (%)").fill("100");
      await d.getByRole("button", { name: "Save weight" }).click();
      await expect(d).toBeHidden();
    }
  }
});

test("@desktop the profile page: account, time, days off and conversion rates", async ({ page }) => {
  await signIn(page, DEMO.nina.email);
  await page.goto(`/${DEMO.teamSlug}/plan`);
  await page.getByRole("button", { name: /account menu for Nina Patel/ }).click();
  await page.getByRole("menuitem", { name: "Your profile" }).click();
  await expect(page.getByRole("heading", { name: "Your profile", level: 1 })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Name", exact: true })).toHaveValue("Nina Patel");
  await expect(page.getByText(`Your address: ${DEMO.nina.email}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your conversion rates" })).toBeVisible();
  await expect(page.getByTestId("conversion-rate").first()).toContainText("Team default");
  await expect(page.getByRole("heading", { name: "My days off" })).toBeVisible();
  await expect(page.getByText("you count as")).toContainText("full time (100%)");
  // The formats of my emails: the example follows the choice before saving; saved, it stays after a reload.
  const formats = page.getByLabel("Dates and numbers in emails");
  await formats.selectOption("de-DE");
  await expect(page.getByText(/For example: \S+, \d+\. /)).toBeVisible();
  await page.getByRole("button", { name: "Save formats" }).click();
  await expect(page.getByText("Saved. Your next emails use these formats.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Dates and numbers in emails")).toHaveValue("de-DE");
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/profile-desktop.png", fullPage: true });
  // Put back the default (the demo is shared by the specs).
  await page.getByLabel("Dates and numbers in emails").selectOption("");
  await page.getByRole("button", { name: "Save formats" }).click();
  await expect(page.getByText("Saved. Your next emails use these formats.")).toBeVisible();
});
