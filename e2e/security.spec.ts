/**
 * Security headers on every response, session cookie flags, and the sign-in rate limit (generic message,
 * counted per account whether or not it exists).
 */
import { expect, test } from "@playwright/test";

test("security headers are set on pages and the API @desktop", async ({ request }) => {
  for (const path of ["/signin", "/api/auth/csrf"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).toContain("object-src 'none'");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"], path).toContain("max-age=");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("the session cookie is httpOnly and SameSite @desktop", async ({ page, context }) => {
  await page.goto("/signin");
  const form = page.getByRole("form", { name: "Sign in with password" });
  await form.getByLabel("Email").fill("olivia@demo.backplan.app");
  await form.getByLabel("Password").fill("backplan-demo");
  await form.getByRole("button", { name: /^sign in$/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  const session = (await context.cookies()).find((c) => c.name.includes("next-auth.session-token"));
  expect(session, "session cookie").toBeDefined();
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});

test("password attempts are rate-limited per account with a generic message @desktop", async ({ page }) => {
  const email = `nobody-${Date.now()}@example.test`;
  // Ten wrong attempts through the API (the limit), then the eleventh through the form.
  for (let i = 0; i < 10; i++) {
    const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await page.request.post("/api/auth/callback/credentials", {
      form: { email, password: "wrong-password-1", csrfToken: csrf.csrfToken, json: "true" },
    });
  }
  await page.goto("/signin");
  const form = page.getByRole("form", { name: "Sign in with password" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill("wrong-password-1");
  await form.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page.getByText("Too many sign-in attempts")).toBeVisible();
});
