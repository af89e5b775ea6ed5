import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { previousQuarter, quarterOf } from "../../src/lib/usage/quarters";
import { demoAccount, signIn, signOut, snap } from "./helpers";

// The demo data has two runs: the earlier quarter's approved (and paid by the app's job), the
// last closed quarter's calculated, waiting for staff. Staff check it and approve it; the payout
// job pays it through the Stripe test double; the rightsholder reads the statement and downloads
// it as CSV and PDF with the same totals as the page.
const lastQuarter = previousQuarter(quarterOf(new Date().toISOString().slice(0, 10))).code;

async function download(page: Page, name: RegExp): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  return readFile((await file.path())!);
}

test("staff approve a calculated run, it is paid, and the rightsholder downloads the statement", async ({ page }) => {
  test.setTimeout(180_000);
  const admin = demoAccount("Staff admin");
  await signIn(page, admin.email, admin.password);
  await page.getByRole("link", { name: "Distributions" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Distribution");
  await snap(page, "staff-distributions");

  await page.getByRole("link", { name: lastQuarter, exact: true }).click();
  await expect(page.getByTestId("reconciliation-summary")).toContainText(/All \d+ checks pass/);
  await snap(page, "staff-distribution-calculated");
  await page.getByTestId("reconciliation-passing").locator("summary").click();
  await expect(page.getByTestId("reconciliation-passing")).toContainText("Every payee's ledger");
  await snap(page, "staff-distribution-checks");

  await page.getByRole("button", { name: "Approve this run…" }).click();
  await expect(page.getByTestId("approve-confirm")).toContainText("is final");
  await snap(page, "staff-distribution-confirm");
  await page.getByRole("button", { name: "Yes, approve and pay" }).click();
  // The app's worker pays the run within seconds; the page refreshes itself while it is paying.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("run-status")).toHaveText("Paid", { timeout: 1_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000] });
  await expect(page.getByTestId("reconciliation-summary")).toContainText(/All \d+ checks pass/);
  await snap(page, "staff-distribution-paid");
  await signOut(page);

  const rightsholder = demoAccount("Rightsholder owner");
  await signIn(page, rightsholder.email, rightsholder.password);
  await page.getByRole("link", { name: "Statements" }).first().click();
  await expect(page.getByRole("link", { name: lastQuarter, exact: true })).toBeVisible();
  await snap(page, "rightsholder-statements");
  await page.getByRole("link", { name: lastQuarter, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/Q\d 20\d\d|20\d\dQ\d/);
  await snap(page, "rightsholder-statement");

  // The same totals in the CSV and the PDF as on the page.
  const pageText = await page.locator("main").innerText();
  const paid = /Paid[^$]*\$([\d,]+\.\d\d)/.exec(pageText)?.[1];
  expect(paid, "the statement page shows what was paid").toBeTruthy();
  const csv = (await download(page, /Download CSV/)).toString("utf8");
  expect(csv).toContain(paid!.replace(/[,.]/g, ""));
  const pdf = await download(page, /Download PDF/);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

  // A line looks wrong: the rightsholder disputes it (a work no other journey checks coverage
  // for, since an open dispute takes it out of coverage).
  const row = page.getByRole("row").filter({ hasText: "Measuring the Unmeasured" });
  await row.getByText("Dispute this line").click();
  await row.getByLabel(/What is wrong with the line/).fill("The units for this title look far too low for the quarter.");
  await row.getByRole("button", { name: "Raise dispute" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Measuring the Unmeasured" }).getByText("Open")).toBeVisible();
  await snap(page, "rightsholder-statement-disputed");
});
