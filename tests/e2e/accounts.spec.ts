import { expect, test } from "@playwright/test";
import { demoAccount, formError, signIn, signOut, signUp, snap, uniqueEmail } from "./helpers";

test.describe("accounts", () => {
  test("a licensee signs up, lands in the licensee area, signs out and back in", async ({ page }) => {
    const email = uniqueEmail("licensee");
    await page.goto("/sign-up");
    await snap(page, "sign-up");
    await signUp(page, { kind: "LICENSEE", organization: "Orbit Models Ltd", name: "Omar Okoye", email, password: "a long enough password" });
    await expect(page).toHaveURL(/\/licensee$/);
    await expect(page.getByRole("heading", { name: "Welcome, Omar" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Orbit Models Ltd" })).toBeVisible();
    await snap(page, "licensee-home");

    await signOut(page);
    await expect(page.getByText("You are signed out.")).toBeVisible();
    await page.goto("/licensee");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Flicensee/);
    await signIn(page, email, "a long enough password");
    await expect(page).toHaveURL(/\/licensee$/);
  });

  test("a rightsholder signs up on a phone and lands in the rightsholder area @mobile", async ({ page }) => {
    const email = uniqueEmail("rights");
    await signUp(page, { kind: "RIGHTSHOLDER", organization: "Quill & Ink Publishing", name: "Rosa Quill", email, password: "a long enough password" });
    await expect(page).toHaveURL(/\/rightsholder$/);
    await expect(page.getByRole("heading", { name: "Welcome, Rosa" })).toBeVisible();
    await snap(page, `rightsholder-home-${test.info().project.name}`);
    await signOut(page);
    await signIn(page, email, "a long enough password");
    await expect(page).toHaveURL(/\/rightsholder$/);
  });

  test("bad sign-up input gets field messages and keeps what was typed", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Organisation name").fill("X");
    await page.getByLabel("Work email").fill("not-an-email");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(formError(page)).toHaveText("Please correct the highlighted fields.");
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
    await expect(page.getByText("Choose whether you license content or hold rights.")).toBeVisible();
    await expect(page.getByLabel("Work email")).toHaveValue("not-an-email");
    await snap(page, "sign-up-errors");
  });

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(demoAccount("Licensee owner").email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formError(page)).toHaveText("The email or password is not right.");
    await snap(page, "sign-in-error");
  });

  test("staff sign in to the operator overview and read the outbox", async ({ page }) => {
    const admin = demoAccount("Staff admin");
    await signIn(page, admin.email, admin.password);
    await expect(page).toHaveURL(/\/staff$/);
    await expect(page.getByRole("heading", { name: "Operator overview" })).toBeVisible();
    await snap(page, "staff-overview");
    await page.getByRole("link", { name: "Mail outbox" }).first().click();
    await expect(page.getByRole("heading", { name: "Mail outbox" })).toBeVisible();
    await snap(page, "staff-outbox");
  });

  test("a licensee is refused the staff and rightsholder areas", async ({ page }) => {
    const licensee = demoAccount("Licensee owner");
    await signIn(page, licensee.email, licensee.password);
    const staff = await page.goto("/staff");
    expect(staff?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "This page is not part of your account" })).toBeVisible();
    await snap(page, "forbidden");
    const rights = await page.goto("/rightsholder/members");
    expect(rights?.status()).toBe(403);
  });
});
