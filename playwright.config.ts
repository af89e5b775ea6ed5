// End-to-end tests against a production build (`next start`). `npm test` prepares everything
// (database, build, env); to run them alone: build once, then
//   DATABASE_URL=postgresql://…/some_migrated_seeded_db npx playwright test
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
const databaseUrl = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;

// Debian's Chromium (apt-get install chromium), never `playwright install`: the network is closed.
// The resolver rule keeps Chromium from reaching out to Google hosts in the background.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 1 : 2,
  timeout: 60_000, // journeys hash several passwords; two cores shared with the server and browsers
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL,
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions } },
    {
      // Phone-sized layout, only for tests tagged @mobile.
      name: "mobile",
      grep: /@mobile/,
      use: { browserName: "chromium", viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, launchOptions },
    },
  ],
  webServer: {
    command: `node_modules/.bin/next start -p ${PORT}`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? baseURL,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-only-secret-not-for-production-use",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(PORT),
      ...(process.env.STRIPE_DOUBLE_URL ? { STRIPE_DOUBLE_URL: process.env.STRIPE_DOUBLE_URL } : {}),
    },
  },
});
