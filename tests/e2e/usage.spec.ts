import { expect, test } from "@playwright/test";
import { isbn13CheckDigit } from "../../src/lib/identifiers";
import { quarterOf } from "../../src/lib/usage/quarters";
import { snap } from "./helpers";
import { newLicenseeWithProfile } from "./licensee-setup";

// A new licensee (so the demo licensee's seeded report stays as the staff-queue journey expects)
// buys the license, reports this quarter's usage with one bad line, and fixes it by uploading
// again. The seed enrolls Harbour Lane Press's works with ISBNs 978190000000x.
const isbn = (first12: string) => first12 + isbn13CheckDigit(first12);

test("a licensee reports a quarter, sees what counts and why, and replaces the report to fix a refused line", async ({ page }) => {
  test.setTimeout(120_000);
  await newLicenseeWithProfile(page, `Kestrel Labs ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: /Buy the license/ }).click();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay [\d,.]+ USD/ }).click();
  await expect(page.getByTestId("checkout-outcome")).toContainText(/is active/, { timeout: 20_000 });

  await page.goto("/licensee");
  await page.getByRole("link", { name: "Usage reports" }).first().click();
  await expect(page.getByRole("heading", { name: "Usage reports", level: 1 })).toBeVisible();
  const quarter = quarterOf(new Date().toISOString().slice(0, 10));
  await page.getByLabel("Quarter").selectOption(quarter.code);
  const lines = [
    "identifier,title,year,purpose,units",
    `${isbn("978190000000")},,,TRAIN,120000`,
    `${isbn("978190000000")},,,TRAIN,30000`,
    `${isbn("978190000001")},,,RAG,5000`,
    ",A Work Nobody Enrolled,2003,TRAIN,700",
    `${isbn("978190000002")},,,TRAIN,twelve`,
  ];
  await page.getByLabel("Usage file").setInputFiles({ name: "usage-q.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
  await snap(page, "usage-upload");
  await page.getByRole("button", { name: "Upload the report" }).click();

  await expect(page).toHaveURL(/\/licensee\/usage\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("usage-summary")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("usage-summary")).toContainText("Lines read5");
  await expect(page.getByTestId("usage-summary")).toContainText("1 added to another line of the same work and purpose");
  await expect(page.getByTestId("usage-lines")).toContainText("2 lines added up");
  await expect(page.getByTestId("usage-lines")).toContainText("Not matched yet: staff look");
  await expect(page.getByTestId("usage-errors")).toContainText('units: "twelve" is not a whole number above 0.');
  await snap(page, "usage-report");

  // Fix the refused line and send the file again: the new report replaces this one.
  await page.getByRole("link", { name: "Upload a corrected file" }).click();
  await expect(page.getByTestId("replace-note")).toContainText("Uploading replaces it.");
  lines[5] = `${isbn("978190000002")},,,TRAIN,12`;
  await page.getByLabel("Usage file").setInputFiles({ name: "usage-q-fixed.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
  await page.getByRole("button", { name: "Upload the report" }).click();
  await expect(page.getByTestId("usage-summary")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("usage-errors")).toHaveCount(0);
  await expect(page.getByTestId("usage-lines")).toContainText("12");
  await snap(page, "usage-report-fixed");

  await page.getByRole("link", { name: "Usage reports" }).first().click();
  await expect(page.getByTestId("usage-report-row").first()).toContainText("Processed");
  await expect(page.getByTestId("usage-report-row").nth(1)).toContainText("Replaced");
  await snap(page, "usage-reports");
});
