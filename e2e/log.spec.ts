/**
 * Log journey at phone size, as Sam Price (a demo member no other spec relies on): tapping today's plan with
 * counts and the "plan done" celebration, undo, then three taps offline that wait on the device and are stored
 * exactly once when the network returns; backdating limits; the page opening offline from the service worker.
 */
import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, login, test } from "./fixtures";

const SAM = "sam.price@demo.backplan.app";
const LOG = `/${DEMO.teamSlug}/log`;

interface DayData {
  today: string;
  day: string;
  allowedDays: string[];
  actions: { metricId: string; name: string; unit: string; planned: number; done: number }[];
  entries: { id: string; metricId: string; amount: number }[];
}

/** The page's own data, read through the same tRPC endpoint the page uses (session cookie of the page). */
async function trpcGet<T>(page: Page, path: string, input: unknown): Promise<{ status: number; data: T }> {
  const response = await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  const body = (await response.json()) as { result?: { data: { json: T } } };
  return { status: response.status(), data: body.result?.data.json as T };
}

async function teamId(page: Page): Promise<string> {
  const teams = await trpcGet<{ id: string; slug: string }[]>(page, "team.list", undefined);
  return teams.data.find((t) => t.slug === DEMO.teamSlug)!.id;
}

const card = (page: Page, name: string) => page.getByRole("listitem", { name, exact: true });
const countOf = (page: Page, name: string) => card(page, name).getByTestId("action-count");

test("@phone a member taps today's plan, sees counts and the celebration, logs offline and syncs exactly once", async ({ page, context }) => {
  await login(page, SAM);
  await page.goto(LOG);
  await expect(page.getByRole("heading", { name: "Log", level: 1 })).toBeVisible();
  await expect(page.getByText("All entries saved")).toBeVisible();
  const id = await teamId(page);
  const before = (await trpcGet<DayData>(page, "entry.day", { teamId: id })).data;
  const planned = before.actions.filter((a) => a.planned > 0 && a.unit === "COUNT");
  expect(planned.length, "the demo plan gives Sam actions for today").toBeGreaterThan(0);

  // Tap each planned action up to its number (at least five taps in all; extra taps go to the first action).
  const taps: string[] = planned.flatMap((a) => Array.from({ length: Math.max(0, a.planned - a.done) }, () => a.name));
  while (taps.length < 5) taps.unshift(planned[0]!.name);
  const expected = new Map(before.actions.map((a) => [a.name, a.done]));
  for (const name of taps) {
    await card(page, name).getByRole("button", { name: `Add 1 ${name}` }).click();
    expected.set(name, expected.get(name)! + 1);
    // Optimistic: the count moves at once.
    await expect(countOf(page, name)).toContainText(`${expected.get(name)} of`);
  }
  for (const a of planned) await expect(countOf(page, a.name)).toContainText(`${expected.get(a.name)} of ${a.planned} today`);
  await expect(page.getByRole("status").filter({ hasText: "Today's plan done — well done!" })).toBeVisible();
  await expect(page.getByText("All entries saved")).toBeVisible();
  await expect(page.getByRole("listitem", { name: /\(today\): plan done/ })).toBeVisible();
  const total = taps.length;

  // A tap can be taken back (once the earlier taps' toasts are gone, so "Undo" is this tap's).
  const first = planned[0]!.name;
  await expect(page.getByRole("button", { name: "Undo" })).toHaveCount(0, { timeout: 20_000 });
  await card(page, first).getByRole("button", { name: `Add 1 ${first}` }).click();
  await expect(countOf(page, first)).toContainText(`${expected.get(first)! + 1} of`);
  await page.getByRole("button", { name: "Undo" }).first().click();
  await expect(countOf(page, first)).toContainText(`${expected.get(first)} of`);
  await expect(page.getByText(/Took back/)).toBeVisible();

  // Offline: three more taps wait on the device.
  await context.setOffline(true);
  await expect(page.getByText("Offline", { exact: true })).toBeVisible();
  for (let i = 0; i < 3; i++) await card(page, first).getByRole("button", { name: `Add 1 ${first}` }).click();
  expected.set(first, expected.get(first)! + 3);
  await expect(page.getByText("3 entries waiting to sync")).toBeVisible();
  await expect(countOf(page, first)).toContainText(`${expected.get(first)} of`);
  await expect(page.getByText("Waiting to sync", { exact: true })).toHaveCount(3);

  // Back online: they are sent; after a reload every entry is there exactly once.
  await context.setOffline(false);
  await expect(page.getByText("All entries saved")).toBeVisible({ timeout: 20_000 });
  await page.reload();
  for (const a of planned) await expect(countOf(page, a.name)).toContainText(`${expected.get(a.name)} of ${a.planned} today`);
  await expect(page.getByRole("heading", { name: `Entries today (${total + 3})` })).toBeVisible();
  const after = (await trpcGet<DayData>(page, "entry.day", { teamId: id })).data;
  expect(after.entries).toHaveLength(total + 3);
  expect(new Set(after.entries.map((e) => e.id)).size).toBe(total + 3);
  for (const a of after.actions) expect(a.done, a.name).toBe(expected.get(a.name));
  await expectAccessible(page);
});

test("@phone only today and earlier days of this week within the team's limit can be logged; never the future", async ({ page }) => {
  await login(page, SAM);
  await page.goto(LOG);
  await expect(page.getByRole("heading", { name: "Today's actions" })).toBeVisible();
  const id = await teamId(page);
  const day = (await trpcGet<DayData>(page, "entry.day", { teamId: id })).data;
  const tomorrow = new Date(Date.parse(`${day.today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  expect(day.allowedDays[0]).toBe(day.today);
  expect(day.allowedDays.every((d) => d <= day.today)).toBe(true);

  if (day.allowedDays.length > 1) {
    const radios = page.getByRole("radio");
    await expect(radios).toHaveCount(day.allowedDays.length);
    const values = await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(values).toEqual(day.allowedDays);
    // Fill in an earlier day.
    const earlier = day.allowedDays[1]!;
    await page.locator(`input[type=radio][value="${earlier}"]`).check({ force: true });
    await expect(page.getByText(/^Filling in /)).toBeVisible();
    const name = day.actions.find((a) => a.unit === "COUNT")!.name;
    await card(page, name).getByRole("button", { name: `Add 1 ${name}` }).click();
    await expect(page.getByText("All entries saved")).toBeVisible();
    const back = (await trpcGet<DayData>(page, "entry.day", { teamId: id, day: earlier })).data;
    expect(back.entries.length).toBeGreaterThan(0);
  } else {
    await expect(page.getByText(/^Logging for today/)).toBeVisible();
    await expect(page.getByRole("radio")).toHaveCount(0);
  }
  // The server refuses the future too.
  expect((await trpcGet<DayData>(page, "entry.day", { teamId: id, day: tomorrow })).status).toBe(400);
  await expectAccessible(page);
});

test("@phone the Log page opens offline once visited (service worker), from the device's saved numbers", async ({ page, context }) => {
  await login(page, SAM);
  await page.goto(LOG);
  await expect(page.getByText("All entries saved")).toBeVisible();
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    return registration.active?.state;
  });
  // Let the worker cache the page and its scripts.
  await expect
    .poll(() => page.evaluate(async () => (await caches.open("backplan-pages-v1")).keys().then((k) => k.length)), { timeout: 15_000 })
    .toBeGreaterThan(0);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Log", level: 1 })).toBeVisible();
  await expect(page.getByText("Offline", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Today's actions" })).toBeVisible();
  await expect(page.getByText("Showing the numbers saved on this device")).toBeVisible();
  await context.setOffline(false);
});
