// A staff session ends after 30 minutes without a request: the next page sends the person to
// sign-in, saying why, and signing in again goes back to the area. The idle clock is aged
// in the database (session_activity), as 31 minutes of silence would leave it.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { demoAccount, signIn } from "./helpers";

async function ageSession(sessionId: string, userId: string, minutes: number) {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL });
  await client.connect();
  try {
    // lastSeenAt is a UTC timestamp without a zone (as Prisma writes it).
    const lastSeenAt = new Date(Date.now() - minutes * 60_000).toISOString().replace("T", " ").replace("Z", "");
    await client.query(
      `INSERT INTO session_activity (id, "userId", "lastSeenAt") VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET "lastSeenAt" = excluded."lastSeenAt"`,
      [sessionId, userId, lastSeenAt],
    );
  } finally {
    await client.end();
  }
}

test("an idle staff session ends with a message on the sign-in page; signing in again goes back to the area", async ({ page }) => {
  const account = demoAccount("Staff analyst");
  await signIn(page, account.email, account.password);
  await page.goto("/staff/works");
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  const session = (await (await page.request.get("/api/auth/session")).json()) as { uid: string; sid: string };
  expect(session.sid).toBeTruthy();

  await ageSession(session.sid, session.uid, 29);
  await page.reload();
  await expect(page, "29 minutes idle: still signed in").toHaveURL(/\/staff\/works/);

  await ageSession(session.sid, session.uid, 31);
  await page.goto("/staff/works");
  // The staff layout guards first, so the way back is the area's front page.
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fstaff&ended=idle$/);
  await expect(page.getByTestId("session-ended")).toHaveText("Your session ended after 30 minutes without activity. Sign in again to continue.");
  // The ended session stays ended; the API refuses it too.
  expect((await page.request.get("/api/distribution-runs/00000000-0000-7000-8000-000000000000/payouts.csv")).status()).toBe(401);

  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  const fresh = (await (await page.request.get("/api/auth/session")).json()) as { sid: string };
  expect(fresh.sid).not.toBe(session.sid);
});
