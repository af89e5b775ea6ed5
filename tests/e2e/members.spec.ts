import { expect, test } from "@playwright/test";
import { demoAccount, signIn, snap, uniqueEmail } from "./helpers";

test("an owner invites a colleague, who joins through the mailed link", async ({ page, browser }) => {
  const owner = demoAccount("Rightsholder owner");
  const email = uniqueEmail("colleague");
  await signIn(page, owner.email, owner.password);
  await page.getByRole("link", { name: "Members" }).first().click();
  await expect(page.getByRole("heading", { name: "Members", exact: true })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toHaveText("Invitation sent. The link works for 7 days.");
  await expect(page.getByText(email)).toBeVisible();
  await snap(page, "members-invited");

  // The mail is captured in the outbox: staff read the link there.
  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  const admin = demoAccount("Staff admin");
  await signIn(staffPage, admin.email, admin.password);
  await staffPage.goto(`/staff/outbox?to=${encodeURIComponent(email)}`);
  await staffPage.getByRole("link", { name: /invited you to Harbour Lane Press/ }).click();
  const body = (await staffPage.getByTestId("mail-body").textContent()) ?? "";
  const link = /https?:\/\/\S+\/invite\/\S+/.exec(body)?.[0];
  expect(link).toBeTruthy();
  await staff.close();

  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(new URL(link!).pathname);
  await expect(inviteePage.getByRole("heading", { name: "Join Harbour Lane Press" })).toBeVisible();
  await inviteePage.getByLabel("Your name").fill("Cora Colleague");
  await inviteePage.getByLabel("Choose a password").fill("colleague password");
  await snap(inviteePage, "invitation-accept");
  await inviteePage.getByRole("button", { name: "Create account and join" }).click();
  await expect(inviteePage).toHaveURL(/\/rightsholder$/);
  await invitee.close();

  await page.reload();
  await expect(page.getByText("Cora Colleague")).toBeVisible();
  await snap(page, "members-joined");
});

test("an owner cannot demote the last owner and sees why", async ({ page }) => {
  const owner = demoAccount("Licensee owner");
  await signIn(page, owner.email, owner.password);
  await page.goto("/licensee/members");
  const self = page.getByRole("listitem").filter({ hasText: "(you)" });
  await self.getByRole("button", { name: "Make member" }).click();
  await expect(self.getByRole("alert")).toContainText("An organisation needs at least one owner");
});

test("account settings show the person's roles", async ({ page }) => {
  const analyst = demoAccount("Staff analyst");
  await signIn(page, analyst.email, analyst.password);
  await expect(page.getByText("You can read everything and run reports")).toBeVisible();
  await page.getByLabel("Account menu").click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await page.getByLabel("Account menu").click();
  await page.getByRole("link", { name: "Account settings" }).click();
  await expect(page.getByRole("heading", { name: "Account settings" })).toBeVisible();
  await expect(page.getByText("ANALYST", { exact: true })).toBeVisible();
  await snap(page, "account-settings");
});

test("the landing page explains the license to both audiences @mobile", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("License the content your AI learns from");
  await expect(page.getByRole("link", { name: "Get licensed" })).toBeVisible();
  await snap(page, `landing-${test.info().project.name}`);
});
