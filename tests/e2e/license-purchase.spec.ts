import { expect, test, type Page } from "@playwright/test";
import { formError, signUp, snap, uniqueEmail } from "./helpers";

async function newLicenseeWithProfile(page: Page, organization: string) {
  await signUp(page, { kind: "LICENSEE", organization, name: "Pat Buyer", email: uniqueEmail("buyer"), password: "buyer-password-2026" });
  await page.getByRole("link", { name: "Complete the profile" }).click();
  await page.getByLabel("Legal name").fill(`${organization} Ltd`);
  await page.getByLabel("Country").selectOption("GB");
  await page.getByLabel("Industry group").selectOption("MEDIA_PUBLISHING");
  await page.getByLabel("Employees").fill("8");
  await page.getByLabel("Your AI systems and their use outside the organisation").fill("A summarisation service for newsletters, sold to small publishers as a subscription.");
  await page.getByLabel(/I confirm, for the organisation/).check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();
  await page.getByRole("link", { name: "Overview" }).first().click();
}

test("a licensee buys the license by card on Stripe's page and comes back to an active license", async ({ page }) => {
  test.setTimeout(90_000);
  await newLicenseeWithProfile(page, `Quill Media ${Date.now().toString(36)}`);
  await snap(page, "license-buy");
  await page.getByRole("button", { name: /Buy the license · \$1,500\.00/ }).click();

  // The Stripe test double's hosted checkout page.
  await expect(page.getByRole("heading", { name: /Pay 1,500\.00 USD/ })).toBeVisible();
  await page.getByLabel("Card number").fill("4000 0000 0000 0002");
  await page.getByRole("button", { name: /^Pay 1,500/ }).click();
  await expect(page.getByText("Your card was declined. Try another card.")).toBeVisible();
  await snap(page, "license-checkout-declined");
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay 1,500/ }).click();

  // Back on the portal: active as soon as the webhook has arrived (the page looks again by itself).
  await expect(page).toHaveURL(/\/licensee\/license\/success\?session_id=cs_test_/);
  await expect(page.getByTestId("checkout-outcome")).toContainText(/License AITL-\d{4}-\w{6} is active/, { timeout: 20_000 });
  await snap(page, "license-success");
  await page.getByRole("link", { name: "Back to the overview" }).click();
  await expect(page.getByTestId("active-license")).toContainText("$1,500.00");
  await snap(page, "license-active");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Certificate (PDF)" }).click();
  const certificate = await download;
  expect(certificate.suggestedFilename()).toMatch(/^AITL-\d{4}-\w{6}-certificate\.pdf$/);
  const bytes = await (await certificate.createReadStream()).toArray();
  expect(Buffer.concat(bytes).subarray(0, 5).toString()).toBe("%PDF-");

  const sourcesDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Licensed sources (CSV)" }).click();
  const sources = await sourcesDownload;
  const csv = Buffer.concat(await (await sources.createReadStream()).toArray()).toString("utf8");
  expect(csv).toContain("isbn,issn,doi,url,title,contributors,publisher,publication_year,rightsholder,licensed_purposes,in_repertoire_since");
  expect(csv).toContain("The Cartographer's Daughter");

  await page.getByRole("link", { name: "Public verification page" }).click();
  await expect(page.getByTestId("verification")).toContainText("Valid");
  await expect(page.getByTestId("verification")).toContainText(/Quill Media \w+ Ltd/);
  await snap(page, "license-verification");
});

test("a bank transfer shows the payment being confirmed, then the active license", async ({ page }) => {
  test.setTimeout(90_000);
  await newLicenseeWithProfile(page, `Lark Press ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: /Buy the license/ }).click();
  await page.getByRole("button", { name: /Pay by bank transfer/ }).click();
  await expect(page.getByTestId("checkout-outcome")).toContainText(/Confirming your payment|is active/);
  await snap(page, "license-confirming");
  await expect(page.getByTestId("checkout-outcome")).toContainText(/is active/, { timeout: 20_000 });
  await page.getByRole("link", { name: "Back to the overview" }).click();
  await page.getByRole("button", { name: /Buy the license/ }).count().then((n) => expect(n).toBe(0));
  await expect(formError(page)).toHaveCount(0);
});
