/**
 * An upline's behind-pace alert links to the dashboard on the alert's goal, focused on the member it is about
 * (`/[team]/dashboard?goal=…&root=…`, server/domain/behind-pace-alerts.ts): opening such a link picks that goal and
 * that member's branch, at phone size too.
 */
import { DEMO_GOAL_NAME } from "../prisma/demo-accounts";
import { DEMO, expect, signIn, test } from "./fixtures";

test("@phone @desktop an alert's dashboard link opens its goal, focused on the member it is about", async ({
  page,
}) => {
  await signIn(page, DEMO.olivia.email);
  await page.goto(`/${DEMO.teamSlug}/dashboard`);
  const goal = page.getByLabel("Goal", { exact: true });
  await expect(goal).toBeVisible();
  const options = await goal
    .locator("option")
    .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? "" })));
  // The demo's team-wide goal (prisma/demo-plan.ts), which covers Priya: other specs add and archive branch goals
  // (and the seed has a closed goal of Chloe's branch), so "the last goal of the list" may not cover her.
  const target = options.find((o) => o.text.startsWith(DEMO_GOAL_NAME))!;
  expect(target).toBeDefined();

  // The member's id, as the alert carries it: drill into Priya Shah's team once.
  await page.getByRole("button", { name: "Open Priya Shah's team" }).click();
  await expect(page).toHaveURL(/\?root=/);
  const root = new URL(page.url()).searchParams.get("root")!;

  await page.goto(`/${DEMO.teamSlug}/dashboard?goal=${encodeURIComponent(target.value)}&root=${root}`);
  await expect(goal).toHaveValue(target.value);
  const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(breadcrumb.locator('[aria-current="page"]')).toHaveText("Priya Shah");
  await expect(page.getByRole("heading", { name: /^Priya Shah's team · .* · This week/ })).toBeVisible();
  await page.screenshot({ path: `/tmp/alerts-dashboard-link-${test.info().project.name}.png`, fullPage: false });
});
