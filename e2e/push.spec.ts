/**
 * Web Push on the profile (issue 20), at phone size. The browser context grants the notifications permission; the
 * member turns push on for this device, picks which notifications come by push and by email, and the choices are
 * still there after a reload.
 *
 * The e2e Chromium runs offline, so `pushManager.subscribe` cannot register with Google's push service (FCM): the
 * page must then say so clearly and store nothing. The payload path (web-push's aes128gcm encryption and VAPID
 * header, decrypted with the subscription's key) is tested against a local push service in
 * server/services/push/dispatch-push.integration.test.ts. What a push does in the browser is tested here: a push
 * message delivered to the service worker through the DevTools protocol (ServiceWorker.deliverPushMessage) shows the
 * notification with its title, body and a same-origin page to open.
 *
 * Hannah's preferences are put back at the end (push off, daily reminder email on).
 */
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";
import { expectFits } from "./layout-guard";

const HANNAH = "hannah.wright@demo.backplan.app";

test("@phone a member turns push on for this device and chooses what comes by push and email", async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["notifications"], { origin: baseURL });
  await signIn(page, HANNAH);
  await page.goto(`/${DEMO.teamSlug}/profile`);
  const section = page.getByRole("region", { name: "Notifications", exact: true });
  await expect(section).toBeVisible();
  expect(await page.evaluate(() => Notification.permission)).toBe("granted");

  // The server has VAPID keys (scripts/e2e.mjs): push is offered, off on this device.
  const state = section.getByTestId("push-state");
  await expect(state).toContainText("Off on this device");
  await section.getByRole("button", { name: "Turn on push on this device" }).click();
  // Headless, offline Chromium has no push service ("Registration failed"): a clear message, nothing stored.
  const outcome = section.getByRole("alert").or(section.getByRole("status"));
  await expect(outcome).toBeVisible({ timeout: 30_000 });
  const subscribed = (await section.getByRole("status").count()) > 0;
  if (subscribed) {
    // A Chromium that can reach its push service: the subscription is stored.
    await expect(state).toContainText("On on this device");
    await expect(state).toContainText("1 device gets push.");
  } else {
    await expect(section.getByRole("alert")).toContainText("could not register with its push service");
    await expect(state).toContainText("Off on this device");
    await expect(state).toContainText("No device of yours gets push yet.");
  }
  const said = await outcome.first().innerText();
  console.info(`[push e2e] turning push on: ${subscribed ? "stored" : "refused"} — ${said}`);

  // The service worker is registered (by "Turn on"): a push delivered to it shows the notification.
  const registration = await page.evaluate(async () => {
    const r = await navigator.serviceWorker.ready;
    return { scope: r.scope, active: Boolean(r.active) };
  });
  expect(registration.active).toBe(true);
  const cdp = await context.newCDPSession(page);
  await cdp.send("ServiceWorker.enable");
  const registrationId = await new Promise<string>((resolve) => {
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const mine = registrations.find((r) => r.scopeURL === registration.scope && !r.isDeleted);
      if (mine) resolve(mine.registrationId);
    });
  });
  const origin = new URL(page.url()).origin;
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin,
    registrationId,
    data: JSON.stringify({
      title: "Nina proposed a new target",
      body: "Open the plan to accept or change it.",
      url: `/${DEMO.teamSlug}/plan`,
      tag: "e2e-push",
    }),
  });
  await expect
    .poll(async () =>
      page.evaluate(async () => {
        const r = await navigator.serviceWorker.ready;
        return (await r.getNotifications({ tag: "e2e-push" })).map((n) => ({
          title: n.title,
          body: n.body,
          url: (n.data as { url?: string } | null)?.url,
        }));
      }),
    )
    .toEqual([
      {
        title: "Nina proposed a new target",
        body: "Open the plan to accept or change it.",
        url: `${origin}/${DEMO.teamSlug}/plan`,
      },
    ]);
  // A payload naming another site opens this app's start page instead.
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin,
    registrationId,
    data: JSON.stringify({ title: "Elsewhere", body: "", url: "https://evil.example/x", tag: "e2e-evil" }),
  });
  await expect
    .poll(async () =>
      page.evaluate(async () => {
        const r = await navigator.serviceWorker.ready;
        return (await r.getNotifications({ tag: "e2e-evil" })).map((n) => (n.data as { url?: string } | null)?.url);
      }),
    )
    .toEqual([`${origin}/`]);

  // Which notifications come by push and by email: switches labelled with channel and kind.
  const pushProposal = section.getByRole("switch", { name: "Push: A proposal waits for my decision" });
  const emailReminder = section.getByRole("switch", { name: "Email: Daily reminder to log" });
  await expect(pushProposal).toHaveAttribute("aria-checked", "false");
  await expect(emailReminder).toHaveAttribute("aria-checked", "true");
  // The inbox is always on; a kind without email says so.
  await expect(section.getByRole("row", { name: /A proposal waits for my decision/ })).toContainText("Always");
  try {
    const saved = page.waitForResponse((r) => r.url().includes("push.setPreference") && r.ok());
    await pushProposal.click();
    await saved;
    const saved2 = page.waitForResponse((r) => r.url().includes("push.setPreference") && r.ok());
    await emailReminder.click();
    await saved2;
    await expect(pushProposal).toHaveAttribute("aria-checked", "true");
    await expect(emailReminder).toHaveAttribute("aria-checked", "false");

    await page.reload();
    await expect(section.getByRole("switch", { name: "Push: A proposal waits for my decision" })).toHaveAttribute(
      "aria-checked",
      "true",
    );
    await expect(section.getByRole("switch", { name: "Email: Daily reminder to log" })).toHaveAttribute(
      "aria-checked",
      "false",
    );
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: "/tmp/push-phone-section.png" });
    await page.screenshot({ path: "/tmp/push-phone.png", fullPage: true });
    await expectFits(page, "profile with notifications");
    await expectAccessible(page);
  } finally {
    for (const name of ["Push: A proposal waits for my decision", "Email: Daily reminder to log"]) {
      const sw = section.getByRole("switch", { name });
      const wanted = name.startsWith("Email") ? "true" : "false";
      if ((await sw.getAttribute("aria-checked")) !== wanted) {
        const saved = page.waitForResponse((r) => r.url().includes("push.setPreference") && r.ok());
        await sw.click();
        await saved;
      }
    }
  }
});

test("@desktop the notifications section at desktop size", async ({ page }) => {
  await signIn(page, HANNAH);
  await page.goto(`/${DEMO.teamSlug}/profile`);
  const section = page.getByRole("region", { name: "Notifications", exact: true });
  await expect(section.getByRole("switch", { name: "Push: A recruit joined under me" })).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: "/tmp/push-desktop-section.png" });
  await expectAccessible(page);
});
