import { expect, test } from "@playwright/test";
import { demoAccount, formError, signIn, snap } from "./helpers";

// The seed's price schedule (prisma/seed.ts): flat fees up to 50 employees, $120 per employee in
// technology, India at 60 %.

test("a visitor prices the license without an account, and is told what to fix", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Pricing" }).first().click();
  await expect(page.getByRole("heading", { name: "Pricing", level: 1 })).toBeVisible();
  await expect(page.getByRole("table").first()).toContainText("$1,500.00");

  await page.getByLabel("Employees").fill("120");
  await page.getByLabel("Industry").selectOption("TECHNOLOGY");
  await page.getByLabel("Country").selectOption("IN");
  await page.getByRole("button", { name: "Calculate the price" }).click();
  const quote = page.getByTestId("quote");
  await expect(quote).toContainText("$8,640.00");
  await expect(quote).toContainText("120 employees × $120.00");
  await expect(quote).toContainText("× 60 %");
  await expect(page.getByLabel("Employees")).toHaveValue("120");
  await snap(page, "pricing-quote");

  await page.getByLabel("Employees").fill("1000001");
  await page.getByRole("button", { name: "Calculate the price" }).click();
  await expect(page.getByText(/For more than 1,000,000 employees, contact us/).first()).toBeVisible();
  await expect(page.getByTestId("quote")).toHaveCount(0);
  await snap(page, "pricing-error");
});

test("the price list on a phone @mobile", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/pricing?employees=8&industry=OTHER&country=BR");
  await expect(page.getByTestId("quote")).toContainText("$1,050.00");
  await snap(page, "pricing-mobile");
});

test("an admin publishes new prices for a future day and withdraws them; an analyst only reads", async ({ browser }) => {
  test.setTimeout(90_000);
  const staff = await browser.newPage();
  const admin = demoAccount("Staff admin");
  await signIn(staff, admin.email, admin.password);
  await staff.getByRole("link", { name: "Pricing" }).first().click();
  await expect(staff.getByRole("heading", { name: "Pricing" })).toBeVisible();
  await expect(staff.getByText("In force", { exact: true })).toBeVisible();

  // A day in the past is refused on the field, and nothing is published.
  await staff.getByLabel("First day of the new prices").evaluate((input: HTMLInputElement) => input.removeAttribute("min"));
  await staff.getByLabel("First day of the new prices").fill("2021-03-01");
  await staff.getByLabel("Rate per employee: Technology and software").fill("130");
  await staff.getByRole("button", { name: "Publish the new prices" }).click();
  await expect(formError(staff)).toBeVisible();
  await expect(staff.getByText("Prices never change for the past")).toBeVisible();
  await expect(staff.getByLabel("Rate per employee: Technology and software")).toHaveValue("130");

  const day = `2031-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
  await staff.getByLabel("First day of the new prices").fill(day);
  await staff.getByLabel("Band 2: fee per year").fill("4,800");
  await staff.getByRole("button", { name: "Publish the new prices" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  const scheduled = staff.locator("section").filter({ has: staff.getByText("Scheduled", { exact: true }) });
  await expect(scheduled).toContainText("$4,800.00");
  await expect(scheduled).toContainText("$130.00");
  await snap(staff, "staff-pricing");

  const analyst = await browser.newPage();
  const reader = demoAccount("Staff analyst");
  await signIn(analyst, reader.email, reader.password);
  await analyst.goto("/staff/pricing");
  await expect(analyst.getByText("Scheduled", { exact: true })).toBeVisible();
  await expect(analyst.getByRole("button", { name: "Publish the new prices" })).toHaveCount(0);
  await expect(analyst.getByRole("button", { name: "Withdraw this schedule" })).toHaveCount(0);

  await scheduled.getByRole("button", { name: "Withdraw this schedule" }).click();
  await expect(staff.getByText("Scheduled", { exact: true })).toHaveCount(0);
});

test("a visitor searches the public repertoire by title words and by ISBN", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Repertoire" }).first().click();
  await page.getByLabel("Title words or an identifier").fill("history tides");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("repertoire-results")).toContainText("A Short History of Tides");
  await snap(page, "repertoire-search");
  await page.getByLabel("Title words or an identifier").fill("978-1-900000-00-0");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("repertoire-results")).toContainText("The Cartographer's Daughter");
  await expect(page.getByTestId("repertoire-results")).not.toContainText("Harbour Lane");
});
