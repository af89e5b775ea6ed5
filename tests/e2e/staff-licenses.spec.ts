import { expect, test } from "@playwright/test";
import { demoAccount, signIn, signOut, snap } from "./helpers";
import { newLicenseeWithProfile } from "./licensee-setup";

test("a staff administrator grants a license to an invoiced customer, extends it and revokes it; the licensee sees each step", async ({ page }) => {
  test.setTimeout(120_000);
  const organization = `Heron Analytics ${Date.now().toString(36)}`;
  const licensee = await newLicenseeWithProfile(page, organization);
  await signOut(page);

  const admin = demoAccount("Staff admin");
  await signIn(page, admin.email, admin.password);
  await page.goto("/staff");
  await expect(page.getByRole("img", { name: "Revenue recognised by quarter" })).toBeVisible();
  await expect(page.getByTestId("staff-queues")).toContainText("Open disputes");
  await snap(page, "staff-dashboard");

  await page.goto("/staff/licenses");
  await page.getByRole("link", { name: "Grant a license manually" }).click();
  await page.getByLabel("Organisation", { exact: true }).fill(organization);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByTestId("licensee-choices").getByRole("link", { name: "Choose" }).first().click();
  const form = page.getByTestId("manual-grant-form");
  await expect(form).toContainText("$1,500.00");
  await form.getByRole("button", { name: "Grant the license" }).click();
  await expect(form.getByText("Enter the invoice number the customer was sent.")).toBeVisible();
  await snap(page, "staff-manual-grant-errors");
  await form.getByLabel("Invoice number").fill("INV-E2E-0042");
  await form.getByLabel("Reason").fill("Invoiced under the framework agreement; paid by bank transfer.");
  await form.getByRole("button", { name: "Grant the license" }).click();
  await expect(page.getByRole("status").filter({ hasText: "License granted." })).toBeVisible();
  await expect(page.getByTestId("manual-grant")).toContainText("INV-E2E-0042");
  await expect(page.getByTestId("license-history")).toContainText("Granted by staff (invoiced)");
  await snap(page, "staff-manual-grant-done");

  const extend = page.getByTestId("extend-form");
  await extend.getByLabel("Days to add").fill("30");
  await extend.getByLabel("Reason").fill("Goodwill after the onboarding delay.");
  await extend.getByRole("button", { name: "Extend the license" }).click();
  await expect(page.getByRole("status").filter({ hasText: "License extended." })).toBeVisible();
  await expect(page.getByTestId("license-history")).toContainText("Extended by staff");
  await snap(page, "staff-license-extended");

  const revoke = page.getByTestId("revoke-form");
  await revoke.getByLabel("Reason").fill("The customer ended the contract early.");
  await revoke.getByRole("button", { name: "Revoke the license" }).click();
  await expect(page.getByRole("status").filter({ hasText: "License revoked." })).toBeVisible();
  await expect(page.getByTestId("license-history")).toContainText("Revoked by staff");
  await expect(page.getByTestId("revoke-form")).toHaveCount(0);
  await snap(page, "staff-license-revoked");
  await signOut(page);

  const analyst = demoAccount("Staff analyst");
  await signIn(page, analyst.email, analyst.password);
  await page.goto("/staff/licenses");
  await expect(page.getByRole("link", { name: "Grant a license manually" })).toHaveCount(0);
  await snap(page, "staff-licenses-analyst");
  await signOut(page);

  await signIn(page, licensee.email, licensee.password);
  await expect(page.getByText(/revoked/i).first()).toBeVisible();
  await snap(page, "licensee-license-revoked");
});
