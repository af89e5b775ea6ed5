import { expect, test } from "@playwright/test";
import { demoAccount, signIn, snap } from "./helpers";

test("the demo licensee reads its notification and marks it read", async ({ page }) => {
  const account = demoAccount("Licensee owner");
  await signIn(page, account.email, account.password);
  await page.getByRole("link", { name: /^Notifications, \d+ unread$/ }).click();
  await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();
  await expect(page.getByTestId("notifications")).toContainText(/License AITL-\d{4}-NRTHWD is active/);
  await snap(page, "notifications");
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark all as read" })).toHaveCount(0);
});
