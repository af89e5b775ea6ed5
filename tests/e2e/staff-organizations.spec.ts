import { expect, test } from "@playwright/test";
import { demoAccount, signIn, signUp, snap, uniqueEmail } from "./helpers";

// Staff read an organisation and act on its people: an administrator deactivates its only owner
// (the warning asks first, and the owner's open session ends at once), reactivates the account
// and mails a reset link; an analyst reads the same page without the controls.

test("a staff administrator deactivates, reactivates and sends a reset link to an organisation's owner; an analyst only reads", async ({ browser }) => {
  test.setTimeout(120_000);
  const organization = `Merlin Analytics ${Date.now().toString(36)}`;
  const email = uniqueEmail("merlin-owner");
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await signUp(ownerPage, { kind: "LICENSEE", organization, name: "Mia Merlin", email, password: "merlin password 2026" });
  await expect(ownerPage).toHaveURL(/\/licensee/);

  const adminContext = await browser.newContext();
  const page = await adminContext.newPage();
  const admin = demoAccount("Staff admin");
  await signIn(page, admin.email, admin.password);
  await page.goto("/staff/organizations");
  await page.getByLabel("Name, legal name or member email").fill(email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("organization-row")).toHaveCount(1);
  await snap(page, "staff-organizations-search");
  await page.getByRole("link", { name: organization }).click();
  await expect(page.getByRole("heading", { level: 1, name: organization })).toBeVisible();
  await expect(page.getByTestId("licensee-profile")).toBeVisible();
  await snap(page, "staff-organization-profile");

  await page.getByRole("link", { name: "Members", exact: true }).click();
  const row = page.getByTestId("staff-member-row").filter({ hasText: email });
  await row.getByText("Manage account").click();
  const deactivate = row.getByTestId("staff-deactivate-form");
  await deactivate.getByRole("button", { name: "Deactivate" }).click();
  await expect(deactivate.getByText(/at least 5 characters/)).toBeVisible();
  await deactivate.getByLabel(/Reason/).fill("Reported compromised by the customer's IT team.");
  // The sole owner: the form asks to acknowledge that nobody will manage the organisation.
  await deactivate.getByLabel(/last active owner/).check();
  await snap(page, "staff-organization-deactivate");
  await deactivate.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByText("Deactivated")).toBeVisible();
  await snap(page, "staff-organization-deactivated");

  // The owner's session ended with the deactivation.
  await ownerPage.goto("/licensee");
  await expect(ownerPage).toHaveURL(/\/sign-in/);
  await ownerContext.close();

  const reactivate = row.getByTestId("staff-reactivate-form");
  await reactivate.getByLabel(/Reason/).fill("The customer confirmed the account is safe again.");
  await reactivate.getByRole("button", { name: "Reactivate" }).click();
  await expect(row.getByText("Deactivated")).toHaveCount(0);
  const reset = row.getByTestId("staff-reset-form");
  await reset.getByLabel(/Reason/).fill("Owner asked for a new password by phone.");
  await reset.getByRole("button", { name: "Send reset link" }).click();
  await expect(reset.getByRole("status")).toContainText(`A reset link went to ${email}`);
  await snap(page, "staff-organization-reset-sent");

  await page.getByRole("link", { name: "Audit", exact: true }).click();
  await expect(page.getByTestId("staff-org-audit-row").filter({ hasText: "account.password_reset_sent" })).toHaveCount(1);
  await expect(page.getByTestId("staff-org-audit-row").filter({ hasText: "account.deactivated" })).toHaveCount(1);
  await snap(page, "staff-organization-audit");
  await page.goto(`/staff/outbox?to=${encodeURIComponent(email)}`);
  await expect(page.getByRole("link", { name: /Reset your Clearway password/ })).toBeVisible();
  await adminContext.close();

  const analystContext = await browser.newContext();
  const analystPage = await analystContext.newPage();
  const analyst = demoAccount("Staff analyst");
  await signIn(analystPage, analyst.email, analyst.password);
  await analystPage.goto(`/staff/organizations?q=${encodeURIComponent(email)}`);
  await analystPage.getByRole("link", { name: organization }).click();
  await analystPage.getByRole("link", { name: "Members", exact: true }).click();
  await expect(analystPage.getByTestId("staff-member-row")).toHaveCount(1);
  await expect(analystPage.getByText("Manage account")).toHaveCount(0);
  await expect(analystPage.getByText(/analysts read/)).toBeVisible();
  await snap(analystPage, "staff-organization-analyst");
  await analystContext.close();
});
