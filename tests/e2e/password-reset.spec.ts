import { expect, test } from "@playwright/test";
import { demoAccount, signIn, signUp, snap, uniqueEmail } from "./helpers";

test("a person resets a forgotten password through the mailed link", async ({ page, browser }) => {
  const email = uniqueEmail("forgetful");
  await signUp(page, { kind: "LICENSEE", organization: "Forgetful Labs", name: "Fay Forgetful", email, password: "the first password" });
  await expect(page).toHaveURL(/\/licensee$/);
  await page.context().clearCookies();

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // A client navigation: typing before the new page has settled can land in the old form.
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("a reset link is on its way");
  await snap(page, "forgot-password-sent");

  // Without SMTP the mail is captured in the outbox; staff read it there.
  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  const admin = demoAccount("Staff admin");
  await signIn(staffPage, admin.email, admin.password);
  await staffPage.goto(`/staff/outbox?to=${encodeURIComponent(email)}`);
  await staffPage.getByRole("link", { name: /Reset your Clearway password/ }).click();
  await snap(staffPage, "outbox-reset-mail");
  const body = (await staffPage.getByTestId("mail-body").textContent()) ?? "";
  const link = /https?:\/\/\S+\/reset-password\/\S+/.exec(body)?.[0];
  expect(link).toBeTruthy();
  await staff.close();

  await page.goto(new URL(link!).pathname);
  await page.getByLabel("New password", { exact: true }).fill("the second password");
  await page.getByLabel("Repeat the new password").fill("the second password");
  await snap(page, "reset-password");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1/);
  await signIn(page, email, "the second password");
  await expect(page).toHaveURL(/\/licensee$/);

  // The link works once.
  await page.context().clearCookies();
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
});
