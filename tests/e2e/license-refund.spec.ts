import { expect, test } from "@playwright/test";
import { demoAccount, signIn, signOut, snap } from "./helpers";
import { newLicenseeWithProfile } from "./licensee-setup";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("a staff administrator refunds part of a license and shortens its term; the licensee sees the refund", async ({ page }) => {
  test.setTimeout(120_000);
  const organization = `Osprey Media ${Date.now().toString(36)}`;
  const licensee = await newLicenseeWithProfile(page, organization);
  await page.getByRole("button", { name: /Buy the license · \$1,500\.00/ }).click();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay 1,500/ }).click();
  await expect(page.getByTestId("checkout-outcome")).toContainText(/is active/, { timeout: 20_000 });
  await signOut(page);

  const admin = demoAccount("Staff admin");
  await signIn(page, admin.email, admin.password);
  await page.getByRole("link", { name: "Licenses" }).first().click();
  await page.getByLabel("License number or organisation").fill(organization);
  await page.getByRole("button", { name: "Search" }).click();
  await snap(page, "staff-licenses");
  await page.getByRole("link", { name: /AITL-\d{4}-\w{6}/ }).first().click();
  await expect(page.getByTestId("license-facts")).toContainText("$1,500.00");

  const form = page.getByTestId("refund-form");
  await form.getByLabel(/Shorten the term/).check();
  await form.getByLabel(/New end/).fill(inDays(30));
  // The suggestion follows the chosen day; staff refund less than it.
  await expect(form.getByLabel(/Amount to refund/)).not.toHaveValue("");
  await form.getByLabel(/Amount to refund/).fill("99999");
  await form.getByLabel("Reason").fill("Moved to the enterprise plan from next month.");
  await form.getByRole("button", { name: /Refund and shorten the term/ }).click();
  await expect(form.getByText(/At most \$1,500\.00: \$1,500\.00 paid/)).toBeVisible();
  await snap(page, "staff-refund-too-much");

  await form.getByLabel(/Amount to refund/).fill("500.00");
  await form.getByRole("button", { name: /Refund and shorten the term/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Refund recorded." })).toBeVisible();
  await expect(page.getByTestId("staff-refunds")).toContainText("$500.00");
  await expect(page.getByTestId("license-history")).toContainText("Refunded by staff");
  await snap(page, "staff-refund-done");
  await signOut(page);

  await signIn(page, licensee.email, licensee.password);
  await expect(page.getByTestId("refunds")).toContainText("$500.00");
  await expect(page.getByTestId("active-license")).toBeVisible();
  await snap(page, "licensee-refund");
});
