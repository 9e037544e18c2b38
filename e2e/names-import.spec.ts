/**
 * Import, export and sponsoring on the names list at phone size (issue 18), as Sofia Rossi (a demo leader whose
 * names list no other spec touches): a phone's contacts (.vcf, three cards) previewed row by row, then imported and
 * listed; the list exported as CSV; and a person set to the funnel's last stage offered the invite that turns them
 * into a member.
 */
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

const SOFIA = "sofia.rossi@demo.backplan.app";
const NAMES = `/${DEMO.teamSlug}/names`;

function vcard(run: string): string {
  const card = (first: string, last: string, extra: string[]) => [
    "BEGIN:VCARD",
    "VERSION:3.0",
    `N:${last} ${run};${first};;;`,
    `FN:${first} ${last} ${run}`,
    ...extra,
    "END:VCARD",
  ];
  return [
    ...card("Carla", "Mendes", [`EMAIL;TYPE=INTERNET:carla.${run}@example.com`, "TEL;TYPE=CELL:+44 7700 900111"]),
    ...card("Dev", "Anand", ["TEL;TYPE=CELL:+44 7700 900222"]),
    ...card("Elif", "Kaya", [`EMAIL:elif.${run}@example.com`]),
  ].join("\r\n");
}

test("@phone import contacts from a .vcf, export the list as CSV, and sponsor a person who is ready", async ({
  page,
}) => {
  const run = Math.random().toString(36).slice(2, 7);
  const carla = `Carla Mendes ${run}`;
  const dev = `Dev Anand ${run}`;
  const elif = `Elif Kaya ${run}`;
  await signIn(page, SOFIA);
  await page.goto(NAMES);
  await expect(page.getByRole("heading", { name: "Names", level: 1 })).toBeVisible();

  // The names list links to import/export.
  await page.getByRole("link", { name: "Import or export" }).click();
  await expect(page).toHaveURL(new RegExp(`${NAMES}/import$`));
  await expect(page.getByRole("heading", { name: "Import and export", level: 1 })).toBeVisible();

  // Choose a contacts file: every row is previewed, nothing is added yet.
  await page.getByLabel("Contacts or CSV file").setInputFiles({
    name: "contacts.vcf",
    mimeType: "text/vcard",
    buffer: Buffer.from(vcard(run), "utf8"),
  });
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(page.getByTestId("import-summary")).toHaveText("3 new · 0 already on your list · 0 with errors");
  for (const name of [carla, dev, elif]) await expect(preview.getByText(name)).toBeVisible();
  await expect(preview.getByText(`carla.${run}@example.com`)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("names-import-preview-phone.png"), fullPage: true });

  // Import: the people are on the list.
  await preview.getByRole("button", { name: "Import 3 people" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 3 people." })).toBeVisible();

  // Export: the CSV holds them.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  for (const name of [carla, dev, elif]) expect(csv).toContain(name);
  expect(csv).toContain(`carla.${run}@example.com`);

  await page.goto(NAMES);
  const people = page.getByRole("list", { name: "People" });
  await page.getByLabel("Search").fill(run);
  await expect(people.getByRole("button")).toHaveCount(3);
  for (const name of [carla, dev, elif])
    await expect(people.getByRole("button", { name: new RegExp(name) })).toBeVisible();

  // Importing the same file again finds them already on the list.
  await page.goto(`${NAMES}/import`);
  await page.getByLabel("Contacts or CSV file").setInputFiles({
    name: "contacts.vcf",
    mimeType: "text/vcard",
    buffer: Buffer.from(vcard(run), "utf8"),
  });
  await expect(page.getByTestId("import-summary")).toHaveText("0 new · 3 already on your list · 0 with errors");
  await expect(page.getByRole("button", { name: /^Import 0/ })).toBeDisabled();

  // Sponsoring: no offer before the funnel's last stage; at the last stage, the invite link.
  await page.goto(NAMES);
  await page.getByLabel("Search").fill(dev);
  await people.getByRole("button", { name: new RegExp(dev) }).click();
  const sheet = page.getByRole("dialog", { name: dev });
  await expect(sheet).toBeVisible();
  const invite = sheet.getByRole("button", { name: "Invite them to join" });
  await expect(invite).toHaveCount(0);
  const stageSelect = sheet.getByLabel("Stage", { exact: true });
  const options = await stageSelect.locator("option").allTextContents();
  expect(options.slice(-3)).toEqual(["Joined the team", "Customer", "Not now"]);
  const lastStage = options.at(-4)!;
  expect(lastStage).not.toBe("Not contacted yet");
  await stageSelect.selectOption({ label: lastStage });
  await expect(invite).toBeVisible();
  await invite.click();
  const link = sheet.getByTestId("sponsor-link");
  await expect(link).toHaveText(/^https?:\/\/[^/]+\/join\/\S+$/);
  await expect(sheet.getByRole("status")).toContainText("single-use link");
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("names-sponsor-phone.png") });

  // The outcome "Joined the team" offers it too.
  await sheet.getByRole("button", { name: "Close" }).click();
  await page.getByLabel("Search").fill(carla);
  await people.getByRole("button", { name: new RegExp(carla) }).click();
  const carlaSheet = page.getByRole("dialog", { name: carla });
  await carlaSheet.getByLabel("Stage", { exact: true }).selectOption({ label: "Joined the team" });
  await expect(carlaSheet.getByRole("button", { name: "Invite them to join" })).toBeVisible();
});
