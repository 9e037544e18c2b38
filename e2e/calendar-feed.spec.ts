/**
 * Calendar feeds (issue 20), at phone size: a member opens their profile, gets their private calendar links, copies
 * the My plan link, and a calendar (here `request.get`, no session cookie) reads it — text/calendar with the demo
 * goal's deadline, parsed by ical.js. Resetting the link (confirmed in a dialog) makes the old URL a 404 at once and
 * the new one works.
 */
import ICAL from "ical.js";
import { e2eToday } from "./clock";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";
import { expectFits } from "./layout-guard";

const GOAL = "£50,000 team volume";

/** The demo goal's deadline: the end of next month (prisma/demo-plan.ts). */
function demoDeadline(): string {
  const [y, m] = e2eToday().split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10);
}

test("@phone a member adds their plan to a calendar, and a reset link stops the old one", async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(90_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, DEMO.nina.email);
  await page.goto(`/${DEMO.teamSlug}/profile`);
  const section = page.getByRole("region", { name: "Add to your calendar" });
  await section.scrollIntoViewIfNeeded();
  const myPlan = section.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "My plan" }) });

  // The links are made on the first ask (a rerun of this test finds them made: a reset shows a new one instead).
  const get = section.getByRole("button", { name: "Get my calendar links" });
  await expect(get.or(myPlan.getByRole("button", { name: "Reset link" }))).toBeVisible();
  if (await get.isVisible()) await get.click();
  else {
    await myPlan.getByRole("button", { name: "Reset link" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Reset link" }).click();
  }
  const link = myPlan.getByLabel("Calendar link for My plan");
  await expect(link).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
  await myPlan.getByRole("button", { name: "Copy link" }).click();
  await expect(myPlan.getByRole("button", { name: "Copied" })).toBeVisible();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toBe(await link.inputValue());
  await expect(myPlan.getByRole("link", { name: "Open in calendar app" })).toHaveAttribute(
    "href",
    url.replace(/^https?:\/\//, "webcal://"),
  );
  await page.screenshot({ path: "/tmp/calendar-feed-phone.png", fullPage: true });
  await expectFits(page, "profile with calendar links");
  await expectAccessible(page);

  // A calendar reads it without any cookie: text/calendar, with the goal's deadline as an all-day event.
  const feed = await request.get(url, { headers: { cookie: "" } });
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(feed.headers()["cache-control"]).toBe("private, max-age=900");
  const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
  const deadline = calendar
    .getAllSubcomponents("vevent")
    .map((c) => new ICAL.Event(c))
    .find((e) => e.summary.startsWith(`${GOAL} deadline:`));
  expect(deadline?.startDate.isDate).toBe(true);
  expect(deadline?.startDate.toString()).toBe(demoDeadline());

  // Reset, confirmed: the old URL is a 404 at once, the new one works.
  await myPlan.getByRole("button", { name: "Reset link" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Reset the link for My plan?" });
  await expect(dialog).toContainText("The old link stops working at once");
  await dialog.getByRole("button", { name: "Reset link" }).click();
  await expect(dialog).toBeHidden();
  await expect(link).not.toHaveValue(url);
  const fresh = await link.inputValue();
  expect((await request.get(url)).status()).toBe(404);
  expect((await request.head(url)).status()).toBe(404);
  const again = await request.get(fresh);
  expect(again.status()).toBe(200);
  expect(await again.text()).toContain("BEGIN:VCALENDAR");

  // After a reload the link is not shown again (only its hash is kept): the section says when it was made.
  await page.reload();
  await expect(
    page
      .getByRole("region", { name: "Add to your calendar" })
      .getByText(/Link made on .*shown only once/)
      .first(),
  ).toBeVisible();
});

test("@desktop the owner sets the weekly review meeting and it recurs in the calendar feed", async ({
  page,
  freshUser,
  request,
}) => {
  test.setTimeout(90_000);
  void freshUser;
  await page.setViewportSize({ width: 1280, height: 800 });
  const name = `Calendar ${Date.now().toString(36)}`;
  const created = await page.request.post("/api/trpc/team.create", {
    data: {
      json: { name, currency: "GBP", timeZone: "Europe/London", weekStartsOn: 1, workingDays: [1, 2, 3, 4, 5] },
    },
  });
  expect(created.ok()).toBe(true);
  const { slug } = ((await created.json()) as { result: { data: { json: { slug: string } } } }).result.data.json;

  await page.goto(`/${slug}/settings`);
  await page.getByLabel("Meeting day").selectOption({ label: "Tuesday" });
  await page.getByLabel("Starts at").fill("18:30");
  await page.getByLabel("Lasts").selectOption({ label: "1 hour" });
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Team settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Meeting day")).toHaveValue("2");
  await expect(page.getByLabel("Starts at")).toHaveValue("18:30");
  await page.getByRole("heading", { name: "Weekly review meeting" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/calendar-feed-settings-desktop.png" });

  await page.goto(`/${slug}/profile`);
  const section = page.getByRole("region", { name: "Add to your calendar" });
  await section.getByRole("button", { name: "Get my calendar links" }).click();
  const teamFeed = section.getByLabel("Calendar link for The team's goals");
  await expect(teamFeed).toHaveValue(/\/api\/calendar\//);
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/calendar-feed-profile-desktop.png", fullPage: true });
  await expectAccessible(page);

  const feed = await request.get(await teamFeed.inputValue());
  expect(feed.status()).toBe(200);
  const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
  expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe(`Backplan — ${name}`);
  expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/London");
  for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  const review = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  expect(review.summary).toBe(`Weekly review — ${name}`);
  expect(review.component.getFirstPropertyValue("rrule")?.toString()).toBe("FREQ=WEEKLY");
  expect(review.startDate.zone?.tzid).toBe("Europe/London");
  expect([review.startDate.dayOfWeek(), review.startDate.hour, review.startDate.minute]).toEqual([3, 18, 30]); // ical.js: Sunday = 1
  expect(review.duration.toSeconds()).toBe(3600);
});
