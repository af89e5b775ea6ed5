import { expect, test } from "@playwright/test";
import { demoAccount, formError, signIn, signUp, snap, uniqueEmail } from "./helpers";

test("a new rightsholder completes participation and a staff admin approves it", async ({ browser }) => {
  test.setTimeout(150_000);
  const page = await browser.newPage();
  const organization = `Tidewater Press ${Date.now().toString(36)}`;
  await signUp(page, { kind: "RIGHTSHOLDER", organization, name: "Tomas Tide", email: uniqueEmail("tide"), password: "a long enough password" });
  await expect(page).toHaveURL(/\/rightsholder$/);
  await expect(page.getByText("Not submitted")).toBeVisible();
  await expect(page.getByText("Accept the participation agreement")).toBeVisible();
  await snap(page, "participation-overview-start");

  await page.getByRole("link", { name: "Continue participation" }).click();
  await expect(page.getByRole("heading", { name: "Participation", exact: true })).toBeVisible();
  await page.getByRole("button", { name: /I accept version/ }).click();
  await expect(page.getByText(/Accepted by Tomas Tide/)).toBeVisible();

  // A bad profile is refused field by field, and what was typed stays.
  await page.getByLabel("Legal name").fill("");
  await page.getByLabel("Contact email").fill("not-an-email");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Enter the organisation's legal name.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByLabel("Contact email")).toHaveValue("not-an-email");
  await page.getByLabel("Legal name").fill(`${organization} LLC`);
  await page.getByLabel("Country").selectOption("US");
  await page.getByLabel("Contact email").fill("rights@tidewater.example");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();

  // Payout: the Stripe test double's hosted onboarding, then back to the portal.
  await page.getByRole("button", { name: "Connect payout account" }).click();
  await expect(page.getByRole("heading", { name: "Set up payouts" })).toBeVisible();
  await snap(page, "participation-stripe-onboarding");
  await page.getByRole("button", { name: "Complete onboarding" }).click();
  await expect(page).toHaveURL(/\/rightsholder\/participation\?payout=enabled/);
  await expect(page.getByText("Payout account connected: payouts are enabled.")).toBeVisible();

  await page.getByLabel("Form").selectOption("W9");
  await page.getByLabel("Date signed").fill("2026-02-01");
  await page.getByRole("button", { name: "Record tax form" }).click();
  await expect(page.getByText(/W-9 \(US person\) signed 1 February 2026: valid/)).toBeVisible();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText(/Staff are reviewing your participation/)).toBeVisible();
  await snap(page, "participation-submitted");

  const staff = await browser.newPage();
  const admin = demoAccount("Staff admin");
  await signIn(staff, admin.email, admin.password);
  await staff.goto("/staff/rightsholders");
  await expect(staff.getByRole("link", { name: "Meridian Academic" })).toBeVisible();
  await snap(staff, "staff-rightsholders-queue");
  await staff.getByRole("link", { name: organization }).click();
  await expect(staff.getByText("rights@tidewater.example")).toBeVisible();
  await staff.getByRole("button", { name: "Send back for changes" }).click();
  await expect(formError(staff)).toBeVisible();
  await snap(staff, "staff-rightsholder-review");
  await staff.getByRole("button", { name: "Approve" }).click();
  await expect(staff.getByText("Approved", { exact: true }).first()).toBeVisible();

  await page.goto("/rightsholder");
  await expect(page.getByText("Your works are in the licensed repertoire")).toBeVisible();
  await snap(page, "participation-overview-approved");
});

test("a member of the demo rightsholder sees the finished participation @mobile", async ({ page }) => {
  const owner = demoAccount("Rightsholder owner");
  await signIn(page, owner.email, owner.password);
  await page.goto("/rightsholder/participation");
  await expect(page.getByText(/Accepted by Rita Rightsholder/)).toBeVisible();
  await expect(page.getByText("✓ Connected, payouts enabled.")).toBeVisible();
  await snap(page, `participation-approved-${test.info().project.name}`);
});
