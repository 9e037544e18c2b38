/**
 * A member's day: rest days are a first-class state on the Log and My plan (with the next working day's plan), and a
 * member who lives in another zone than their team's sets it and gets their own "today".
 *
 * - Desktop: a new owner creates a team that does not work on the run's weekday, publishes a goal, and sees the rest
 *   day on My plan and the Log with the next working day's plan; what they log still counts.
 * - Phone: a demo member moves to a zone where it is already tomorrow: the Log's today, day picker and a note say so;
 *   My plan says it too; back to the team's zone, the note goes. Checked at 375×812: no sideways scroll, tap targets
 *   of at least 44 px.
 *
 * The run's instant is Wednesday 17 Mar 2027 10:30 UTC by default (tests/test-now.json); nothing here assumes it.
 */
import type { Page } from "@playwright/test";
import { e2eNow, e2eToday, plusDays } from "./clock";
import { expect, expectAccessible, signIn, test } from "./fixtures";
import { toDbDay } from "@/server/domain/db-day";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const weekdayOf = (iso: string) => WEEKDAYS[toDbDay(iso).getUTCDay()]!;
const shortDate = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(
    toDbDay(iso),
  );
const longDate = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(
    toDbDay(iso),
  );

/**
 * No sideways scroll at the emulated device width (not `innerWidth`: phone emulation widens it to fit overflow); the
 * message names the elements that stick out.
 */
async function expectNoSideScroll(page: Page) {
  const width = page.viewportSize()!.width;
  const scrollWidth = await page.evaluate(() =>
    Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
  );
  const wide = await page.evaluate((w) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>("body *")) {
      const r = el.getBoundingClientRect();
      if (r.right > w + 1 && r.width > 0)
        out.push(`${el.tagName}.${el.className.toString().slice(0, 60)} ${Math.round(r.left)}-${Math.round(r.right)}`);
    }
    return out.slice(0, 15);
  }, width);
  expect(scrollWidth, `page is ${scrollWidth}px wide on a ${width}px screen: ${wide.join(" | ")}`).toBeLessThanOrEqual(
    width,
  );
}

/** Every visible control in the main content is at least 44×44 px (radio pills are measured by their label). */
async function expectTapTargets(page: Page) {
  const small = await page.locator("main").evaluate((main) => {
    const controls = main.querySelectorAll<HTMLElement>(
      "button, a[href], select, summary, input:not(.sr-only), label:has(> input.sr-only)",
    );
    return [...controls]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden")
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(
        ({ el, box }) =>
          `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      );
  });
  expect(small, "tap targets smaller than 44×44 px").toEqual([]);
}

test("@desktop a team's rest day: My plan and the Log say so, show the next working day's plan, and logging still counts", async ({
  page,
  freshUser: _signedUp,
}) => {
  test.setTimeout(150_000);
  const today = e2eToday("Europe/London");
  const restDay = weekdayOf(today);
  const teamName = `Rest Day Crew ${Date.now().toString(36)}`;

  // A team that works Monday to Friday except the run's weekday (already a rest day at a weekend).
  await page.goto("/teams");
  const form = page.getByRole("region", { name: "Create a team" });
  await form.getByLabel("Team name").fill(teamName);
  await form.getByLabel("Currency", { exact: true }).selectOption("GBP");
  await form.getByLabel("Time zone").selectOption("Europe/London");
  const box = form.getByRole("checkbox", { name: restDay, exact: true });
  if (await box.isChecked()) await box.uncheck();
  await form.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(/\/[a-z0-9-]+\/team$/);
  const slug = new URL(page.url()).pathname.split("/")[1]!;
  // The first working day after today.
  const workingDays = new Set(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"].filter((d) => d !== restDay));
  let next = plusDays(today, 1);
  while (!workingDays.has(weekdayOf(next))) next = plusDays(next, 1);
  const nextLabel = new RegExp(`${weekdayOf(next)}'s plan: \\d[\\d,]* contacts`);

  // Starter metrics and a goal from today, published.
  await page.goto(`/${slug}/plan/settings`);
  await page.getByRole("radio", { name: /Network marketing/ }).check();
  await page.getByRole("button", { name: "Apply template" }).click();
  await expect(page.getByText("In use")).toBeVisible();
  await page.goto(`/${slug}/plan/new`);
  const goal = page.getByRole("form", { name: "New goal" });
  await goal.getByLabel("Goal name").fill("Spring volume");
  await goal.getByLabel("Metric").selectOption({ label: "Team volume" });
  await goal.getByLabel("Target (GBP)", { exact: true }).fill("20000");
  await goal.getByLabel("Start", { exact: true }).fill(today);
  await goal.getByLabel("Deadline", { exact: true }).fill(plusDays(today, 56));
  await goal.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: "Publish goal" }).click();
  await expect(page.getByRole("heading", { name: "Spring volume", level: 1 })).toBeVisible({ timeout: 20_000 });

  // My plan: today's actions are the rest day, with the next working day's plan.
  await page.goto(`/${slug}/plan`);
  const todayCard = page.getByRole("region", { name: "Today's actions" });
  const rest = todayCard.getByTestId("rest-day");
  await expect(rest.getByRole("heading", { name: `${restDay} is a rest day for ${teamName}` })).toBeVisible();
  await expect(rest).toContainText("Anything you log still counts.");
  await expect(rest).toContainText(nextLabel);
  await expect(page.getByTestId("zone-note")).toHaveCount(0); // the member is on the team's zone
  const nextPlan = (await rest.textContent())!.replace(/^.*still counts\./, "").trim();
  expect(nextPlan).toMatch(nextLabel);
  await expectAccessible(page);

  // The Log, on a phone-sized screen: the same state (not "No plan for today yet"), the same plan for the next day;
  // a tap still counts.
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`/${slug}/log`);
  const logRest = page.getByTestId("rest-day");
  await expect(logRest.getByRole("heading", { name: `${restDay} is a rest day for ${teamName}` })).toBeVisible();
  await expect(logRest).toContainText("Anything you log still counts.");
  await expect(logRest).toContainText(nextPlan);
  await expect(page.getByText("No plan for today yet")).toHaveCount(0);
  await page.getByRole("button", { name: "Add 1 Contacts" }).click();
  await expect(page.getByRole("heading", { name: /Entries today \(1\)/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "Entries today" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("listitem", { name: `${longDate(today)} (today): day off, 1 logged` })).toBeVisible();
  await expectNoSideScroll(page);
  await expectTapTargets(page);
  await expectAccessible(page);

  // The dashboard of a team of one (a new owner with no members yet): the owner's own row opens, no error; on the
  // rest day nothing is planned yet, and the funnel's steps say 0 (never "-0").
  await page.goto(`/${slug}/dashboard`);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: /'s team · Team volume · / })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/Could not load/)).toHaveCount(0);
  const funnel = page.getByRole("table", { name: "Funnel steps: planned and done to date" });
  await expect(funnel.getByRole("row", { name: /^Contacts/ })).toBeVisible();
  await expect(funnel).not.toContainText(/[-−]0/);
  await expectNoSideScroll(page);
  // So does the weekly review (the same roll-up read).
  await page.goto(`/${slug}/review`);
  await expect(page.getByRole("heading", { name: "Weekly review", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Start the weekly review" })).toBeVisible();
  await expect(page.getByText(/Could not load/)).toHaveCount(0);
});

test("@phone a member sets their own time zone: their today, day picker and notes follow it; team weeks stay on London time", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Yuki is a demo member no other spec signs in as; her zone is put back at the end.
  await signIn(page, "yuki.tanaka@demo.backplan.app");
  await page.goto("/north-star/log");
  const londonToday = e2eToday("Europe/London");
  await expect(page.getByText(`Today, ${longDate(londonToday)}`)).toBeVisible();
  await expect(page.getByTestId("zone-note")).toHaveCount(0);

  // Kiritimati is UTC+14: there it is already the next calendar day (the run's 10:30 UTC is 00:30 tomorrow).
  const zone = "Pacific/Kiritimati";
  const theirToday = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(e2eNow());
  // The Log shows the zone that is set; the form opens behind "Change time zone", with focus in its field.
  await page.getByRole("button", { name: "Change time zone" }).click();
  const settings = page.getByRole("form", { name: "Your time zone" });
  await expect(settings.getByLabel("Your time zone")).toBeFocused();
  await settings.getByLabel("Your time zone").selectOption(zone);
  await settings.getByRole("button", { name: "Save time zone" }).click();
  try {
    await expect(page.getByText(`Today, ${longDate(theirToday)}`)).toBeVisible();
    await expect(page.getByTestId("zone-note")).toHaveText(
      `Your day: ${shortDate(theirToday)} (Kiritimati) · team weeks run on London time`,
    );
    // The day picker's "Today" is their day; the London day is "Yesterday" for them. When their day starts a new
    // team week (Monday), last week is closed for logging and only their today is open.
    if (weekdayOf(theirToday) === "Monday") {
      await expect(page.getByText(/^Only today is open for logging/)).toBeVisible();
    } else {
      await expect(page.getByRole("radio", { name: `Today, ${longDate(theirToday)}` })).toBeChecked();
      if (theirToday !== londonToday) {
        await expect(page.getByRole("radio", { name: `Yesterday, ${longDate(londonToday)}` })).toBeVisible();
      }
    }
    await expect(page.getByRole("region", { name: "Time zone" })).toContainText(
      `Your days run on Kiritimati time (${zone}).`,
    );
    await expect(page.getByText(`Times are in your time zone (${zone})`)).toBeVisible();
    await expectNoSideScroll(page);
    await expectTapTargets(page);
    await expectAccessible(page);

    // My plan says it too.
    await page.goto("/north-star/plan");
    await expect(page.getByRole("heading", { name: "My plan" })).toBeVisible();
    await expect(page.getByTestId("zone-note")).toHaveText(
      `Your day: ${shortDate(theirToday)} (Kiritimati) · team weeks run on London time`,
    );
    await expectNoSideScroll(page);
  } finally {
    // Back to the team's zone: the note goes and today is London's again.
    await page.goto("/north-star/log");
    await page.getByRole("button", { name: "Change time zone" }).click();
    const back = page.getByRole("form", { name: "Your time zone" });
    await back.getByLabel("Your time zone").selectOption({ label: "Same as the team (Europe/London)" });
    await back.getByRole("button", { name: "Save time zone" }).click();
  }
  await expect(page.getByTestId("zone-note")).toHaveCount(0);
  await expect(page.getByText(`Today, ${longDate(londonToday)}`)).toBeVisible();
});
