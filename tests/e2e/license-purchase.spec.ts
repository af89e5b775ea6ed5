import { expect, test } from "@playwright/test";
import { isbn13CheckDigit } from "../../src/lib/identifiers";
import { formError, snap } from "./helpers";
import { newLicenseeWithProfile } from "./licensee-setup";

test("a licensee prices the license, buys it by card on Stripe's page, comes back to an active license and checks coverage", async ({ page }) => {
  test.setTimeout(120_000);
  // Priced first on the public calculator, as a visitor: 8 employees in media publishing, GB.
  await page.goto("/pricing");
  await page.getByLabel("Employees").fill("8");
  await page.getByLabel("Industry").selectOption("MEDIA_PUBLISHING");
  await page.getByLabel("Country").selectOption("GB");
  await page.getByRole("button", { name: "Calculate the price" }).click();
  await expect(page.getByTestId("quote")).toContainText("$1,500.00");
  await snap(page, "journey-pricing");

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

  // Covered from today: one of the seeded repertoire's works (Harbour Lane Press, ISBN 978190000000x).
  await page.goto("/licensee/coverage");
  await page.getByLabel("Identifier", { exact: true }).fill(`978190000000${isbn13CheckDigit("978190000000")}`);
  await page.getByRole("button", { name: "Check coverage" }).click();
  await expect(page.getByTestId("coverage-result")).toContainText("Yes, covered");
  await snap(page, "journey-coverage");
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
