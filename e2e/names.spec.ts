/**
 * The names list at phone size (issue 18), as Ivy Chen (a demo member no other spec relies on): quick add with a
 * name only, search, set a stage in the person's sheet, and an add made OFFLINE that waits on the phone and is
 * created exactly once when the network returns.
 */
import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

const IVY = "ivy.chen@demo.backplan.app";
const NAMES = `/${DEMO.teamSlug}/names`;

async function trpcGet<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.get(
    `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  );
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function teamId(page: Page): Promise<string> {
  const teams = await trpcGet<{ id: string; slug: string }[]>(page, "team.list", undefined);
  return teams.find((t) => t.slug === DEMO.teamSlug)!.id;
}

const people = (page: Page) => page.getByRole("list", { name: "People" });
const quickAdd = async (page: Page, name: string) => {
  const form = page.getByRole("form", { name: "Add a person" });
  await form.getByLabel("Add a name").fill(name);
  await form.getByRole("button", { name: "Add" }).click();
};

test("@phone quick add, search, set a stage, and an offline add created exactly once", async ({ page, context }) => {
  const run = Math.random().toString(36).slice(2, 7);
  const ana = `Ana Lima ${run}`;
  const bruno = `Bruno Costa ${run}`;
  const offline = `Offline Olu ${run}`;
  await signIn(page, IVY);
  await page.goto(NAMES);
  await expect(page.getByRole("heading", { name: "Names", level: 1 })).toBeVisible();
  // The team navigation has the Names section, current.
  await expect(page.getByRole("link", { name: "Names" }).first()).toHaveAttribute("aria-current", "page");

  // Quick add: a name, then Add.
  await quickAdd(page, ana);
  await expect(people(page).getByRole("button", { name: new RegExp(ana) })).toBeVisible();
  await quickAdd(page, bruno);
  await expect(people(page).getByRole("button", { name: new RegExp(bruno) })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("names-phone.png"), fullPage: true });

  // Search.
  await page.getByLabel("Search").fill(`costa ${run}`);
  await expect(people(page).getByRole("button")).toHaveCount(1);
  await expect(people(page).getByRole("button", { name: new RegExp(bruno) })).toBeVisible();

  // The person's sheet: set a stage (the team's funnel).
  await people(page)
    .getByRole("button", { name: new RegExp(bruno) })
    .click();
  const sheet = page.getByRole("dialog", { name: bruno });
  await expect(sheet).toBeVisible();
  const stageSelect = sheet.getByLabel("Stage", { exact: true });
  const options = await stageSelect.locator("option").allTextContents();
  expect(options[0]).toBe("Not contacted yet");
  expect(options.slice(-3)).toEqual(["Joined the team", "Customer", "Not now"]);
  const firstStage = options[1]!;
  await stageSelect.selectOption({ label: firstStage });
  await expect(stageSelect).toHaveValue(/.+/);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("person-phone.png") });
  // The person has their own address: a reload (or a shared link) opens them again; Close leaves it.
  await expect(page).toHaveURL(/[?&]person=[0-9a-f-]{36}/);
  await page.reload();
  await expect(page.getByRole("dialog", { name: bruno })).toBeVisible();
  await expect(page.getByRole("dialog", { name: bruno }).getByLabel("Stage", { exact: true })).toHaveValue(/.+/);
  await page.getByRole("dialog", { name: bruno }).getByRole("button", { name: "Close" }).click();
  await expect(page).not.toHaveURL(/person=/);
  await expect(people(page).getByRole("button", { name: new RegExp(`${bruno}.*${firstStage}`) })).toBeVisible();
  await page.getByLabel("Search").fill("");

  // Offline: the add waits on the phone.
  await page.waitForFunction(() => document.documentElement.dataset.namesQueue === "ready");
  await context.setOffline(true);
  await expect(page.getByText(/Offline: people you add wait on this phone/)).toBeVisible();
  await quickAdd(page, offline);
  const waiting = page.getByTestId("waiting-person").filter({ hasText: offline });
  await expect(waiting).toBeVisible();
  await expect(waiting).toContainText("On this phone, not sent yet");
  await page.screenshot({ path: test.info().outputPath("names-offline-phone.png"), fullPage: true });

  // Back online: sent once, listed once.
  await context.setOffline(false);
  await expect(waiting).toHaveCount(0, { timeout: 20_000 });
  await expect(people(page).getByRole("button", { name: new RegExp(offline) })).toBeVisible();
  await page.reload();
  await expect(people(page).getByRole("button", { name: new RegExp(offline) })).toHaveCount(1);
  const id = await teamId(page);
  const found = await trpcGet<{ people: { name: string }[] }>(page, "person.list", { teamId: id, search: run });
  expect(found.people.map((p) => p.name).sort()).toEqual([ana, bruno, offline].sort());
  await expectAccessible(page);
});
