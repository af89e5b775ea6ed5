import { expect, test, type Browser, type Page } from "@playwright/test";
import { isbn13CheckDigit } from "../../src/lib/identifiers";
import { demoAccount, signIn, signUp, snap, uniqueEmail } from "./helpers";
import { newLicenseeWithProfile } from "./licensee-setup";

// One staff administrator's day (issue 7): approve a rightsholder, resolve the dispute its first
// enrollment opens, refund a license, schedule a setting change — and find all four in the audit
// log. The organisations involved are made here, through the pages their people use.

/** Harbour Lane Press holds this ISBN (the demo's "Notes on Quiet Machines" line of works). */
const HELD_ISBN = `978190000003${isbn13CheckDigit("978190000003")}`;

async function rightsholderSubmits(page: Page, organization: string) {
  await signUp(page, { kind: "RIGHTSHOLDER", organization, name: "Rowan Reed", email: uniqueEmail("reed"), password: "a long enough password" });
  await page.getByRole("link", { name: "Continue participation" }).click();
  await page.getByRole("button", { name: /I accept version/ }).click();
  await page.getByLabel("Legal name").fill(`${organization} LLC`);
  await page.getByLabel("Country").selectOption("US");
  await page.getByLabel("Contact email").fill("rights@reed.example");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
  await page.getByRole("button", { name: "Connect payout account" }).click();
  await page.getByRole("button", { name: "Complete onboarding" }).click();
  await expect(page.getByText("Payout account connected: payouts are enabled.")).toBeVisible();
  await page.getByLabel("Form").selectOption("W9");
  await page.getByLabel("Date signed").fill("2026-02-01");
  await page.getByRole("button", { name: "Record tax form" }).click();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText(/Staff are reviewing your participation/)).toBeVisible();
}

async function licenseeBuys(browser: Browser, organization: string) {
  const page = await browser.newPage();
  await newLicenseeWithProfile(page, organization);
  await page.getByRole("button", { name: /Buy the license · \$1,500\.00/ }).click();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay 1,500/ }).click();
  await expect(page.getByTestId("checkout-outcome")).toContainText(/is active/, { timeout: 20_000 });
  await page.close();
}

test("a staff administrator approves a rightsholder, resolves its dispute, refunds a license and schedules a setting", async ({ browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const press = `Reed & Rowan Editions ${stamp}`;
  const buyer = `Kestrel Labs ${stamp}`;
  const rightsholder = await browser.newPage();
  await rightsholderSubmits(rightsholder, press);
  await licenseeBuys(browser, buyer);

  const staff = await browser.newPage();
  const admin = demoAccount("Staff admin");
  await signIn(staff, admin.email, admin.password);
  await snap(staff, "journey-dashboard");

  // 1. Approve the rightsholder.
  await staff.getByRole("link", { name: "Rightsholders" }).first().click();
  await staff.getByRole("link", { name: press }).click();
  await staff.getByRole("button", { name: "Approve" }).click();
  await expect(staff.getByText("Approved", { exact: true }).first()).toBeVisible();

  // Its first work claims an ISBN Harbour Lane Press holds: a dispute for staff.
  await rightsholder.goto("/rightsholder/works/new");
  await rightsholder.getByLabel("Title").fill("Quiet Machines, a Reader");
  await rightsholder.getByLabel("Contributor 1", { exact: true }).fill("Rowan Reed");
  await rightsholder.getByLabel("Identifier 1", { exact: true }).fill(HELD_ISBN);
  await rightsholder.getByLabel("Publication year").fill("2023");
  await rightsholder.getByRole("button", { name: "Enroll work" }).click();
  await expect(rightsholder.getByRole("heading", { name: "Quiet Machines, a Reader" })).toBeVisible();

  // 2. Resolve the dispute: the claim is rejected, the holder keeps the ISBN.
  await staff.getByRole("link", { name: "Disputes" }).first().click();
  await staff.getByRole("row").filter({ hasText: press }).getByRole("link").first().click();
  await staff.getByLabel(/Reject the claim/).check();
  await staff.getByLabel("Note to both sides").fill("Harbour Lane Press's edition holds this ISBN; the reader needs its own.");
  await staff.getByRole("button", { name: "Resolve dispute" }).click();
  await expect(staff.getByRole("heading", { name: "Decision" })).toBeVisible();
  await snap(staff, "journey-dispute-resolved");

  // 3. Refund part of the new license and shorten it.
  await staff.getByRole("link", { name: "Licenses" }).first().click();
  await staff.getByLabel("License number or organisation").fill(buyer);
  await staff.getByRole("button", { name: "Search" }).click();
  await staff.getByRole("link", { name: /AITL-\d{4}-\w{6}/ }).first().click();
  const form = staff.getByTestId("refund-form");
  await form.getByLabel(/Shorten the term/).check();
  await form.getByLabel(/New end/).fill(new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10));
  await form.getByLabel(/Amount to refund/).fill("250.00");
  await form.getByLabel("Reason").fill("Signed up for the wrong team size.");
  await form.getByRole("button", { name: /Refund and shorten the term/ }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Refund recorded." })).toBeVisible();
  await snap(staff, "journey-refund");

  // 4. Schedule a setting change: runs will start 20 days after a quarter ends, from next year.
  const key = "distribution.runDayAfterQuarterEnd";
  const from = `${new Date().getUTCFullYear() + 1}-01-01`;
  await staff.getByRole("link", { name: "Settings" }).first().click();
  const setting = staff.getByTestId(`setting-form-${key}`);
  await setting.getByLabel("New value").fill("20");
  await setting.getByLabel("From").fill(from);
  await setting.getByLabel("Reason").fill("More time for late usage reports.");
  await setting.getByRole("button", { name: "Add this value" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await snap(staff, "journey-setting");

  // The audit log has each of the four, with who did it.
  await staff.getByRole("link", { name: "Audit log" }).first().click();
  const log = staff.getByTestId("audit-row");
  for (const action of ["setting", "license.refunded", "dispute", "participation"]) {
    await expect(log.filter({ hasText: action }).first()).toBeVisible();
  }
  await snap(staff, "journey-audit");
});
