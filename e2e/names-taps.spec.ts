/**
 * Taps with a person at phone size (issue 18), as Ruby Clarke (a demo member no other spec relies on): a follow-up
 * due today is first in today's actions; a tap, then "who was it?" with one tap links the entry to the person (their
 * timeline shows it once); and an OFFLINE tap named offline waits on the phone and is linked exactly once on sync.
 */
import type { Page } from "@playwright/test";
import { e2eToday } from "./clock";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";
import { toDbDay } from "@/server/domain/db-day";

const RUBY = "ruby.clarke@demo.backplan.app";
const LOG = `/${DEMO.teamSlug}/log`;

async function trpcGet<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.get(
    `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  );
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function trpcPost(page: Page, path: string, input: unknown): Promise<void> {
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(response.status(), await response.text()).toBe(200);
}

interface DayData {
  today: string;
  actions: { metricId: string; name: string; unit: string; planned: number }[];
  entries: { id: string }[];
}
interface PersonData {
  stageMetricId: string | null;
  timeline: { entryId: string | null; metricId: string | null }[];
}

const card = (page: Page, name: string) => page.getByRole("listitem", { name, exact: true });

test("@phone a tap names a person, and an offline linked tap syncs once", async ({ page, context }) => {
  test.skip(toDbDay(e2eToday()).getUTCDay() === 0, "the run's day is the demo team's rest day");
  const run = Math.random().toString(36).slice(2, 7);
  const sam = `Sam Follow ${run}`;
  await signIn(page, RUBY);
  await page.goto(LOG);
  await expect(page.getByText("All entries saved")).toBeVisible();
  const teams = await trpcGet<{ id: string; slug: string }[]>(page, "team.list", undefined);
  const teamId = teams.find((t) => t.slug === DEMO.teamSlug)!.id;
  const day = await trpcGet<DayData>(page, "entry.day", { teamId });

  // Sam is on Ruby's list with a follow-up due today.
  const personId = crypto.randomUUID();
  await trpcPost(page, "person.add", { teamId, id: personId, name: sam, nextFollowUp: day.today });
  await page.reload();
  const followUps = page.getByTestId("follow-ups");
  await expect(followUps.getByText(`Follow up with ${sam}`)).toBeVisible();

  // A tap, then "who was it?": Sam, one tap (the due person is offered first).
  const action = day.actions.find((a) => a.unit === "COUNT")!;
  await card(page, action.name)
    .getByRole("button", { name: `Add 1 ${action.name}` })
    .click();
  const who = page.getByTestId("who-was-it");
  await expect(who).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("names-taps-phone.png"), fullPage: true });
  await who.getByRole("button", { name: new RegExp(sam) }).click();
  await expect(who).toHaveCount(0);
  await expect(page.getByText("All entries saved")).toBeVisible({ timeout: 20_000 });
  await expect
    .poll(async () => (await trpcGet<PersonData>(page, "person.get", { teamId, personId })).timeline.length)
    .toBe(1);
  let person = await trpcGet<PersonData>(page, "person.get", { teamId, personId });
  expect(person.timeline[0]!.metricId).toBe(action.metricId);
  // Done for today: no longer nagged as a follow-up.
  await page.reload();
  await expect(page.getByText(`Follow up with ${sam}`)).toHaveCount(0);

  // Offline: a tap named offline waits on the phone with its person, and is linked once when back online.
  await context.setOffline(true);
  await expect(page.getByText("Offline", { exact: true })).toBeVisible();
  await card(page, action.name)
    .getByRole("button", { name: `Add 1 ${action.name}` })
    .click();
  await page
    .getByTestId("who-was-it")
    .getByRole("button", { name: new RegExp(sam) })
    .click();
  await expect(page.getByText("1 entry waiting to sync")).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByText("All entries saved")).toBeVisible({ timeout: 20_000 });
  await page.reload();
  await expect(page.getByText("All entries saved")).toBeVisible();
  person = await trpcGet<PersonData>(page, "person.get", { teamId, personId });
  expect(person.timeline).toHaveLength(2);
  expect(new Set(person.timeline.map((t) => t.entryId)).size).toBe(2);
  const after = await trpcGet<DayData>(page, "entry.day", { teamId });
  expect(after.entries).toHaveLength(day.entries.length + 2);
});
