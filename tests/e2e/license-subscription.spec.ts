import { expect, test } from "@playwright/test";
import { snap } from "./helpers";
import { newLicenseeWithProfile } from "./licensee-setup";

test("a licensee buys the license as a yearly subscription, then turns auto-renewal off", async ({ page }) => {
  test.setTimeout(90_000);
  await newLicenseeWithProfile(page, `Heron Books ${Date.now().toString(36)}`);
  await page.getByLabel(/Renew automatically every year/).check();
  await snap(page, "subscription-buy");
  await page.getByRole("button", { name: /Buy the license · \$1,500\.00/ }).click();

  // The Stripe test double's hosted page, in subscription mode: card only, charged today.
  await expect(page.getByRole("heading", { name: /Subscribe: 1,500\.00 USD a year/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /bank transfer/ })).toHaveCount(0);
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await snap(page, "subscription-checkout");
  await page.getByRole("button", { name: /^Subscribe · 1,500\.00 USD now/ }).click();

  await expect(page).toHaveURL(/\/licensee\/license\/success\?session_id=cs_test_/);
  await expect(page.getByTestId("checkout-outcome")).toContainText(/License AITL-\d{4}-\w{6} is active/, { timeout: 20_000 });
  await page.getByRole("link", { name: "Back to the overview" }).click();
  await expect(page.getByTestId("auto-renewal")).toContainText(/Renews automatically on \d{1,2} \w+ \d{4}/);
  await expect(page.getByRole("button", { name: "Renew the license" })).toHaveCount(0);
  await snap(page, "subscription-active");

  await page.getByRole("button", { name: "Turn off auto-renewal" }).click();
  await expect(page.getByTestId("auto-renewal")).toContainText(/Renew automatically instead/);
  await expect(page.getByRole("button", { name: "Turn on auto-renewal" })).toBeVisible();
  await snap(page, "subscription-turned-off");
});
