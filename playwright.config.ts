import { defineConfig, devices } from "@playwright/test";
import { E2E_CLOCK } from "./e2e/clock";
import { E2E_SMTP_PORT } from "./e2e/mail";
import { E2E_AUTH_SECRET } from "./e2e/session";

/**
 * End-to-end tests against a production build (`next start`) on its own seeded PGlite database,
 * in Debian's Chromium (no browser download here). `npm run test:e2e` prepares the build and database
 * (scripts/e2e.mjs) and then runs this config.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "pglite:.data/e2e-pglite";

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "e2e",
  // The SMTP server the app sends mail to; tests read verification links and invitations (e2e/mail.ts).
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromium,
  },
  projects: [
    {
      name: "phone",
      use: { ...devices["Pixel 7"], viewport: { width: 375, height: 812 }, launchOptions: chromium },
      grep: /@phone/,
    },
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium }, grep: /@desktop/ },
  ],
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${PORT}`,
    url: `${BASE_URL}/signin`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL,
      NEXTAUTH_URL: BASE_URL,
      NEXTAUTH_SECRET: E2E_AUTH_SECRET,
      BACKPLAN_DEMO: "1",
      NODE_ENV: "production",
      // One timeline for seed, server and browser (scripts/e2e.mjs sets both; e2e/fixtures.ts installs page.clock).
      BACKPLAN_NOW: E2E_CLOCK.now,
      BACKPLAN_NOW_SINCE: String(E2E_CLOCK.since),
      BACKPLAN_TEST: "1",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
    },
  },
});
