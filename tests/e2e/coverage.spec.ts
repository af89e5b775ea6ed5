import { expect, test } from "@playwright/test";
import { isbn13CheckDigit } from "../../src/lib/identifiers";
import { demoAccount, signIn, snap } from "./helpers";

// The demo licensee (Northwind) holds an active license; the seed enrolls Harbour Lane Press's
// works with ISBNs 978190000000x, the fifth of them (…004x) in an open dispute.
const isbn = (first12: string) => first12 + isbn13CheckDigit(first12);

test("a licensee checks one work, then a file of identifiers, and downloads the answers", async ({ page }) => {
  test.setTimeout(90_000);
  const owner = demoAccount("Licensee owner");
  await signIn(page, owner.email, owner.password);
  await page.getByRole("link", { name: "Coverage" }).first().click();
  await page.getByLabel("Identifier", { exact: true }).fill(isbn("978190000000"));
  await page.getByRole("button", { name: "Check coverage" }).click();
  await expect(page.getByTestId("coverage-result")).toContainText("Yes, covered");
  await snap(page, "coverage-single");

  const file = [isbn("978190000000"), isbn("978190000001"), isbn("978190000004"), isbn("978999999999"), "not an identifier"].join("\n");
  await page.getByLabel("Purpose", { exact: true }).last().selectOption("RAG");
  await page.getByLabel("Identifiers file").setInputFiles({ name: "training-set.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await expect(page.getByTestId("chosen-file")).toHaveText("training-set.csv");
  await page.getByRole("button", { name: "Upload and check" }).click();

  await expect(page).toHaveURL(/\/licensee\/coverage\/checks\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "training-set.csv", level: 1 })).toBeVisible();
  await expect(page.getByTestId("coverage-check-headline")).toContainText("Done: 5 identifiers checked", { timeout: 30_000 });
  await expect(page.getByTestId("coverage-check-counts")).toContainText("Covered2");
  await snap(page, "coverage-bulk-result");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the answers (CSV)" }).click();
  const result = await download;
  expect(result.suggestedFilename()).toBe("training-set-coverage.csv");
  const csv = Buffer.concat(await (await result.createReadStream()).toArray()).toString("utf8");
  const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines).toHaveLength(6);
  expect(lines[3]).toContain(",RAG,");
  expect(lines[3]).toContain(",no,DISPUTED,");
  expect(lines[5]).toContain(",no,INVALID,");

  await page.getByRole("link", { name: "Coverage" }).first().click();
  await expect(page.getByTestId("coverage-checks")).toContainText("training-set.csv");
  await snap(page, "coverage-page");
});
