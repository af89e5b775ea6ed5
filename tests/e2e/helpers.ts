import { expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/seed";

export type DemoRole = (typeof DEMO_ACCOUNTS)[number]["role"];

export function demoAccount(role: DemoRole) {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`No demo account for ${role}`);
  return { ...account, password: DEMO_PASSWORD };
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.test`;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The form goes to /home, which redirects to the person's area, then refreshes: wait for the
  // area's page, or a click made meanwhile is undone by that late redirect.
  await expect(page).not.toHaveURL(/\/(sign-in|home)(\?|$)/);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByLabel("Account menu").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
}

/** A screenshot a person can open, kept under test-results/screenshots. */
export async function snap(page: Page, name: string) {
  // From the top, so the sticky header is drawn once, where it belongs.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** Alerts scoped away from Next's route announcer, which also has role="alert". */
export function formError(page: Page) {
  return page.getByTestId("form-error");
}

/** Fills and submits the sign-up form; the kind is preselected through the URL. */
export async function signUp(page: Page, person: { kind: "LICENSEE" | "RIGHTSHOLDER"; organization: string; name: string; email: string; password: string }) {
  await page.goto(`/sign-up?kind=${person.kind}`);
  await page.getByLabel("Organisation name").fill(person.organization);
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Work email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
}
