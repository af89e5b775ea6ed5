import { expect, test } from "@playwright/test";
import { demoAccount, formError, signIn, signUp, snap, uniqueEmail } from "./helpers";

test("a new licensee completes its profile, is told what is missing, and sees its price", async ({ page }) => {
  test.setTimeout(60_000);
  await signUp(page, { kind: "LICENSEE", organization: "Kestrel Robotics", name: "Kim Kestrel", email: uniqueEmail("kestrel"), password: "kestrel-robotics-2026" });
  await expect(page.getByRole("heading", { name: "Your license" })).toBeVisible();
  await page.getByRole("link", { name: "Complete the profile" }).click();

  await page.getByLabel("Legal name").fill("Kestrel Robotics GmbH");
  await page.getByLabel("Country").selectOption("DE");
  await page.getByLabel("Employees").fill("0");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(formError(page)).toBeVisible();
  await expect(page.getByText("Choose the organisation's industry group.")).toBeVisible();
  await expect(page.getByText("Enter 1 or more employees.")).toBeVisible();
  await expect(page.getByText("Confirm that your training content is lawfully obtained.")).toBeVisible();
  await expect(page.getByLabel("Legal name")).toHaveValue("Kestrel Robotics GmbH");
  await snap(page, "licensee-profile-errors");

  await page.getByLabel("Industry group").selectOption("PROFESSIONAL_SERVICES");
  await page.getByLabel("Employees").fill("240");
  await page.getByLabel("Your AI systems and their use outside the organisation").fill(
    "A planning assistant for warehouse robots, fine-tuned on technical manuals and sold to logistics customers.",
  );
  await page.getByLabel(/I confirm, for the organisation/).check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();
  await expect(page.getByText("Complete", { exact: true })).toBeVisible();
  // 240 × $90 (professional services), Germany at the standard factor.
  await expect(page.getByTestId("quote")).toContainText("$21,600.00");
  await snap(page, "licensee-profile-saved");

  await page.getByRole("link", { name: "Overview" }).first().click();
  await expect(page.getByTestId("quote")).toContainText("$21,600.00");
  await snap(page, "licensee-home-quote");
});

test("the demo licensee sees its license on a phone @mobile", async ({ page }) => {
  const account = demoAccount("Licensee owner");
  await signIn(page, account.email, account.password);
  await expect(page.getByTestId("active-license")).toContainText(/AITL-\d{4}-NRTHWD/);
  await expect(page.getByTestId("active-license")).toContainText("$14,400.00");
  await snap(page, "licensee-home-mobile");
});

test("the demo licensee checks coverage: covered, then a purpose the rightsholder does not permit", async ({ page }) => {
  const account = demoAccount("Licensee owner");
  await signIn(page, account.email, account.password);
  await page.getByRole("link", { name: "Coverage" }).first().click();
  await page.getByLabel("Identifier", { exact: true }).fill("978-1-900000-00-0");
  await page.getByRole("button", { name: "Check coverage" }).click();
  await expect(page.getByTestId("coverage-result")).toContainText("Covered");
  await expect(page.getByTestId("coverage-result")).toContainText("The Cartographer's Daughter");
  await snap(page, "coverage-covered");
  await page.getByLabel("Identifier", { exact: true }).fill("978-0-306-40615-8");
  await page.getByRole("button", { name: "Check coverage" }).click();
  await expect(page.getByText(/check digit/).first()).toBeVisible();
  await snap(page, "coverage-error");
});
