/**
 * Layout guard (docs: CONVENTIONS "Layout at phone size"): every page fits a phone at 360×740 and 375×812.
 *
 * For each page, at both sizes, e2e/layout-guard.ts checks: no horizontal scroll (`scrollWidth` against the device
 * width we set, never `innerWidth`), every visible control inside the viewport and not clipped, no text off screen
 * or cut without a title, and tap targets ≥ 44 px in height or width (never under 24 px; links inside running text
 * exempt). Its header has the details. Here, in addition:
 * - toasts lie inside the viewport and their buttons can be tapped: on the Log, a tap on an action shows "Logged …"
 *   with Undo; Undo must be on screen, be the element at its own centre, and take the entry back when tapped.
 *
 * Stress data, in a fresh team of its own (the demo team is only read here, apart from starting a review of one
 * branch, Priya Shah's, which no other spec opens): an owner with an 80-character name, a £12,345,678.90 goal with
 * £12,345,678.90 logged, and a week that starts the day after the run's day (Thursday on a Wednesday) so the Log's day picker
 * offers seven days (backdating window 6, the default).
 */
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { e2eToday, plusDays } from "./clock";
import { DEMO, expect, signIn, signUp, test, uniqueEmail } from "./fixtures";
import { expectFits, measure, PHONE_SIZES } from "./layout-guard";
import { toDbDay } from "@/server/domain/db-day";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** 80 characters, the longest name sign-up accepts, with a long unbroken surname. */
const LONG_NAME = "Maximiliana Alexandrina Wolfeschlegelsteinhausenbergerdorff-Montgomery-Smythe Jr";
/** £12,345,678.90 in pence. */
const BIG = 1_234_567_890;
/** Largest single entry the server accepts (£1,000,000.00, the money module's MAX_ENTRY_AMOUNT). */
const MAX_ENTRY = 100_000_000;

async function visit(page: Page, path: string, heading: string | RegExp, label = path) {
  await page.goto(path);
  await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible({ timeout: 20_000 });
  await expectFits(page, label);
}

/** A tRPC call with the page's session cookie (superjson wire format). */
async function trpc<T>(page: Page, path: string, input: unknown, method: "query" | "mutation" = "query"): Promise<T> {
  const response =
    method === "query"
      ? await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
      : await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
  expect(response.ok(), `${path}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.result!.data.json;
}

/** Taps an action on the Log and checks the "Logged …" toast: inside the viewport, Undo on screen and tappable. */
async function expectToastFits(page: Page, width: number, action: string) {
  await page.getByRole("button", { name: `Add 1 ${action}` }).click();
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: `Logged 1 ${action}` });
  const undo = toast.getByRole("button", { name: "Undo" });
  await expect(undo).toBeVisible();
  await page.waitForTimeout(600); // sonner's slide-in
  const toastBox = (await toast.boundingBox())!;
  expect.soft(toastBox.x, `the toast's left edge at ${width} px`).toBeGreaterThanOrEqual(0);
  expect.soft(toastBox.x + toastBox.width, `the toast's right edge at ${width} px`).toBeLessThanOrEqual(width);
  const undoBox = (await undo.boundingBox())!;
  expect.soft(undoBox.x, `Undo's left edge at ${width} px`).toBeGreaterThanOrEqual(0);
  expect.soft(undoBox.x + undoBox.width, `Undo's right edge at ${width} px`).toBeLessThanOrEqual(width);
  expect.soft(Math.min(undoBox.width, undoBox.height), `Undo's tap target at ${width} px`).toBeGreaterThanOrEqual(44);
  const onTop = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.closest("button")?.textContent?.trim() ?? null,
    [undoBox.x + undoBox.width / 2, undoBox.y + undoBox.height / 2],
  );
  expect.soft(onTop, `what is at Undo's centre at ${width} px`).toBe("Undo");
  // The whole page with the toast up.
  const problems = (await page.evaluate(measure, width)).map((p) => `${p.kind}: ${p.detail}`);
  expect.soft(problems, `Log with a toast at ${width} px`).toEqual([]);
  // Tap it: the entry is taken back.
  await undo.tap();
  await expect(page.getByText(`Took back 1 ${action}`)).toBeVisible();
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 20_000 });
}

test("@phone every page of the demo team fits a phone at 360 and 375 px", async ({ page }) => {
  test.setTimeout(300_000);
  // Signed out.
  await visit(page, "/signin/check-email", "Check your email");
  await visit(page, "/signup", "Create your account");
  await visit(page, "/signin", "Sign in");

  // The owner sees every page.
  await signIn(page, DEMO.olivia.email);
  const slug = DEMO.teamSlug;
  await visit(page, "/teams", "Your teams");
  await visit(page, `/${slug}/plan`, "Plan");
  await visit(page, `/${slug}/plan/new`, "New goal");
  // The preview of a goal for the whole 40-member tree (nothing is saved).
  const form = page.getByRole("form", { name: "New goal" });
  await form.getByLabel("Goal name").fill("Layout check £12,345,678.90 goal");
  await form.getByLabel("Metric").selectOption({ label: "Team volume" });
  await form.getByLabel("Target (GBP)", { exact: true }).fill("12345678.90");
  await form.getByLabel("Start", { exact: true }).fill(e2eToday());
  await form.getByLabel("Deadline", { exact: true }).fill(plusDays(e2eToday(), 56));
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: /^Preview: / })).toBeVisible({ timeout: 30_000 });
  await expectFits(page, "new goal preview");
  await page.goto(`/${slug}/plan`);
  await page.getByRole("region", { name: "Goals you set" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/plan\/goals\//);
  await visit(page, new URL(page.url()).pathname, /./, "goal detail");
  await visit(page, `/${slug}/plan/settings`, "Metrics, funnels and ranks");
  await visit(page, `/${slug}/plan/calendar`, "Team calendar");
  await visit(page, `/${slug}/profile`, "Your profile");
  await visit(page, `/${slug}/log`, "Log");
  await visit(page, `/${slug}/dashboard`, "Dashboard");
  const board = page.getByRole("region", { name: "Leaderboard" });
  await board.scrollIntoViewIfNeeded();
  for (const by of ["Activity", "Completion %"]) {
    await board.getByRole("button", { name: by, exact: true }).click();
    await expectFits(page, `leaderboard by ${by}`);
  }
  await visit(page, `/${slug}/team`, "Team");

  // The weekly review of one branch (Priya Shah's, which no other spec reviews), each step of meeting mode.
  await visit(page, `/${slug}/review`, "Weekly review");
  await page.getByLabel("Whose team").selectOption({ label: "Priya Shah's team (13 people)" });
  await page.getByRole("button", { name: /^Start the (weekly )?review/ }).click();
  await expect(page.locator("#review-step-heading")).toContainText("Scoreboard", { timeout: 20_000 });
  for (const [i, step] of ["Scoreboard", "Off pace", "Wins of the week", "Commitments"].entries()) {
    await page.getByRole("button", { name: `${i + 1}. ${step}` }).click();
    await expect(page.locator("#review-step-heading")).toContainText(step);
    await expectFits(page, `meeting mode: ${step}`);
  }

  // A member: My plan, the Log, the review home.
  await page.context().clearCookies();
  await signIn(page, DEMO.nina.email);
  await visit(page, `/${slug}/plan`, "Plan", "my plan (member)");
  await visit(page, `/${slug}/log`, "Log", "log (member)");
  await visit(page, `/${slug}/review`, "Weekly review", "review (member)");
  await visit(page, `/${slug}/dashboard`, "Dashboard", "dashboard (member)");
});

test("@phone long names, £12,345,678.90 and seven days to log fit a phone; the Log's toast can be tapped", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const owner = { name: LONG_NAME, email: uniqueEmail("long"), password: "long-name-password-1" };
  await signUp(page, owner);
  await expectFits(page, "teams (no team yet)");

  // A team whose week starts the day after the run's day (Thursday on the default Wednesday): today is the last day
  // of its week, so the Log offers the last seven days whatever the run's instant.
  const create = page.getByRole("region", { name: "Create a team" });
  await create
    .getByLabel("Team name")
    .fill(`The Extraordinarily Long-Named Worldwide Sales Collective ${Date.now().toString(36)}`);
  await create.getByLabel("Currency", { exact: true }).selectOption("GBP");
  await create.getByLabel("Time zone").selectOption("Europe/London");
  await create
    .getByLabel("Weeks start on")
    .selectOption({ label: WEEKDAYS[(toDbDay(e2eToday()).getUTCDay() + 1) % 7]! });
  await create.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(/\/[a-z0-9-]+\/team$/);
  const slug = new URL(page.url()).pathname.split("/")[1]!;
  const teams = await trpc<{ id: string; slug: string }[]>(page, "team.list", undefined);
  const teamId = teams.find((t) => t.slug === slug)!.id;

  // Metrics from a template, a published £12,345,678.90 goal and £12,345,678.90 logged today (in £1m entries).
  await trpc(page, "metric.applyTemplate", { teamId, template: "NETWORK_MARKETING" }, "mutation");
  const { metrics } = await trpc<{ metrics: { id: string; name: string }[] }>(page, "metric.list", { teamId });
  const volume = metrics.find((m) => m.name === "Team volume")!;
  const today = e2eToday("Europe/London");
  await trpc(
    page,
    "goal.create",
    {
      teamId,
      name: "£12,345,678.90 team volume before the summer",
      metricId: volume.id,
      target: BIG,
      startDate: plusDays(today, -6),
      deadline: plusDays(today, 90),
      publish: true,
    },
    "mutation",
  );
  const amounts = [...Array.from({ length: Math.floor(BIG / MAX_ENTRY) }, () => MAX_ENTRY), BIG % MAX_ENTRY];
  await trpc(
    page,
    "entry.log",
    { teamId, entries: amounts.map((amount) => ({ id: randomUUID(), metricId: volume.id, amount })) },
    "mutation",
  );

  await visit(page, `/${slug}/team`, "Team", "team (long names)");
  await visit(page, `/${slug}/plan`, "Plan", "my plan (big numbers)");
  await page.getByRole("region", { name: "Goals you set" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/plan\/goals\//);
  await visit(page, new URL(page.url()).pathname, /./, "goal detail (big numbers)");
  await visit(page, `/${slug}/dashboard`, "Dashboard", "dashboard (big numbers, long names)");
  await visit(page, `/${slug}/review`, "Weekly review", "review (long names)");

  // Days off on My plan, a team holiday and the re-plan preview of the £12,345,678.90 goal.
  await page.goto(`/${slug}/plan`);
  const daysOff = page.getByRole("region", { name: "My days off" });
  await daysOff.getByLabel("First day off").fill(plusDays(today, 9));
  await daysOff.getByRole("button", { name: "Add days off" }).click();
  await expect(page.getByText("1 day off saved.")).toBeVisible();
  await expectFits(page, "my plan with a day off");
  await visit(page, `/${slug}/plan/calendar`, "Team calendar", "team calendar (empty)");
  const add = page.getByRole("form", { name: "Add a holiday" });
  await add.getByLabel("Name").fill("The Extraordinarily Long Founders' Day Company-Wide Holiday");
  await add.getByLabel("Date").fill(plusDays(today, 8));
  await add.getByRole("button", { name: "Add holiday" }).click();
  await expect(page.getByRole("list", { name: "Team holidays" }).getByRole("listitem")).toHaveCount(1);
  await page.getByRole("button", { name: /^Preview re-plan of / }).click();
  await expect(page.getByRole("heading", { name: "What the re-plan changes" })).toBeVisible({ timeout: 20_000 });
  await expectFits(page, "team calendar (re-plan preview)");

  // The Log: seven days in the picker, big amounts in the entries, and a toast that fits.
  await visit(page, `/${slug}/log`, "Log", "log (seven days, big amounts)");
  await expect(page.getByRole("radio")).toHaveCount(7);
  for (const size of PHONE_SIZES) {
    await page.setViewportSize(size);
    await expectToastFits(page, size.width, "Contacts");
  }

  // An entry's edit form and its history, with a £1,000,000 amount.
  const edit = page.getByRole("button", { name: /^Edit £1,000,000/ }).first();
  await edit.click();
  await expectFits(page, "log: editing a £1,000,000 entry");
  await edit.click();
  await page
    .getByRole("button", { name: /^History of £1,000,000/ })
    .first()
    .click();
  await expectFits(page, "log: an entry's history");

  // The header's menus, with the long team and person names.
  await page.getByRole("button", { name: /^Team: / }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  await expectFits(page, "team switcher menu");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: /account menu for/ }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  await expectFits(page, "user menu");
  await page.keyboard.press("Escape");

  // The invite page a newcomer opens, signed out.
  await page.goto(`/${slug}/team`);
  await page.getByRole("button", { name: "Invite people" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite people" });
  await dialog.getByRole("button", { name: "Create invite link" }).click();
  const link = await dialog.getByLabel(/^Invite link/).inputValue();
  await expectFits(page, "invite dialog");
  await page.context().clearCookies();
  await visit(page, link, /^Join /, "join (signed out)");
});
