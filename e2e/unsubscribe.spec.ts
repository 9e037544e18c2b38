/**
 * One-click unsubscribe from an email kind (issue 20, "Email done properly"): the link of a reminder's
 * List-Unsubscribe header opens a public page that says what it turns off, one button turns it off (a plain form
 * POST), and the page says where to turn it back on. A bad link says so and changes nothing. The token is signed
 * with the e2e server's NEXTAUTH_SECRET, as the server signs the links it mails.
 */
import { signUnsubscribeToken } from "@/server/mail/unsubscribe-token";
import { DEMO, expect, expectAccessible, test } from "./fixtures";
import { E2E_AUTH_SECRET, sessionUser } from "./session";

test("@phone @desktop unsubscribe from the daily reminder in one click, without signing in", async ({
  page,
  freshUser,
}, testInfo) => {
  const baseURL = testInfo.project.use.baseURL ?? `http://localhost:${process.env.E2E_PORT ?? 3100}`;
  const user = await sessionUser(baseURL, freshUser.email, freshUser.password);
  await page.context().clearCookies(); // signed out: the link is the permission
  const token = signUnsubscribeToken(E2E_AUTH_SECRET, user.id, "DAILY_REMINDER");

  // Opening the link (GET) changes nothing: it shows the page with the button.
  await page.goto(`/api/unsubscribe?token=${token}&team=${DEMO.teamSlug}`);
  await expect(page).toHaveURL(/\/unsubscribe\?token=/);
  await expect(page.getByRole("heading", { name: "Unsubscribe" })).toBeVisible();
  await expect(page.getByText("Stop emailing me “Daily reminder to log”?")).toBeVisible();
  await expectAccessible(page);
  const width = page.viewportSize()!.width;
  await page.screenshot({ path: `/tmp/email-unsubscribe-${width}.png`, fullPage: true });

  await page.getByRole("button", { name: "Unsubscribe from this email" }).click();
  await expect(page.getByRole("status")).toHaveText("Done: you no longer get “Daily reminder to log” by email.");
  await expect(page.getByRole("link", { name: "Your notification settings" })).toHaveAttribute(
    "href",
    `/${DEMO.teamSlug}/profile#notifications`,
  );
  await page.screenshot({ path: `/tmp/email-unsubscribe-done-${width}.png`, fullPage: true });
  // Opened again later, the link says it is already off.
  await page.goto(`/unsubscribe?token=${token}`);
  await expect(page.getByRole("status")).toContainText("you no longer get “Daily reminder to log”");

  // A mail client's one-click POST (RFC 8058) is answered 200; a bad token is 400 and says why.
  const oneClick = await page.request.post(`/api/unsubscribe?token=${token}`, {
    form: { "List-Unsubscribe": "One-Click" },
  });
  expect(oneClick.status()).toBe(200);
  const bad = await page.request.post(`/api/unsubscribe?token=${token.slice(0, -4)}`, {
    form: { "List-Unsubscribe": "One-Click" },
  });
  expect(bad.status()).toBe(400);
  await page.goto(`/unsubscribe?token=${token.slice(0, -4)}`);
  await expect(page.getByText(/^This unsubscribe link is not valid/)).toHaveAttribute("role", "alert");
});
