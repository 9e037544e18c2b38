/**
 * Security headers on every response, session cookie flags, and the sign-in rate limit (generic message,
 * counted per account whether or not it exists).
 */
import { spawn } from "node:child_process";
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

test("a production server refuses to start with a pinned clock unless it is the demo or a test server @desktop", async () => {
  test.setTimeout(60_000);
  const start = () =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", BACKPLAN_NOW: "2027-03-17T09:30:00Z" };
      delete env.BACKPLAN_DEMO;
      delete env.BACKPLAN_TEST;
      const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", "3197"], {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (d: Buffer) => (output += d.toString()));
      child.stderr.on("data", (d: Buffer) => (output += d.toString()));
      const timer = setTimeout(() => child.kill("SIGKILL"), 40_000);
      child.on("exit", (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });
  const refused = await start();
  expect(refused.code).toBe(1);
  expect(refused.output).toContain("BACKPLAN_NOW is set in production");
});
