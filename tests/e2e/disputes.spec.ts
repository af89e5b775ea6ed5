import { expect, test } from "@playwright/test";
import { demoAccount, formError, signIn, snap } from "./helpers";

// The seed opens one dispute: Lantern Books enrolled "The Glass Orchard" with the ISBN that
// Harbour Lane Press (the demo rightsholder) holds.

test("both sides see a dispute, an admin makes them co-owners, the rightsholder sees it resolved", async ({ browser }) => {
  test.setTimeout(120_000);
  const rightsholder = await browser.newPage();
  const owner = demoAccount("Rightsholder owner");
  await signIn(rightsholder, owner.email, owner.password);
  await rightsholder.getByRole("link", { name: "Disputes" }).first().click();
  await expect(rightsholder.getByRole("heading", { name: "Claims on your works" })).toBeVisible();
  const row = rightsholder.getByRole("row").filter({ hasText: "The Glass Orchard" });
  await expect(row).toContainText("Lantern Books");
  await snap(rightsholder, "disputes-rightsholder-list");
  await row.getByRole("link").first().click();
  await expect(rightsholder.getByText("Royalties for both works are held")).toBeVisible();
  await expect(rightsholder.getByText("Lantern Books").first()).toBeVisible();
  // The other side is shown in public terms only: no contact details.
  await expect(rightsholder.getByText("rights@lantern.example")).toHaveCount(0);
  await snap(rightsholder, "dispute-rightsholder-detail");

  const staff = await browser.newPage();
  const admin = demoAccount("Staff admin");
  await signIn(staff, admin.email, admin.password);
  await staff.goto("/staff/disputes");
  await expect(staff.getByRole("heading", { name: "Disputes" })).toBeVisible();
  await snap(staff, "disputes-staff-queue");
  await staff.getByRole("row").filter({ hasText: "The Glass Orchard" }).getByRole("link").first().click();
  await expect(staff.getByText("rights@lantern.example")).toBeVisible();
  await staff.getByRole("button", { name: "Resolve dispute" }).click();
  await expect(formError(staff)).toBeVisible();
  await expect(staff.getByText("Choose how to resolve the dispute.")).toBeVisible();
  await staff.getByLabel(/Make co-owners/).check();
  await staff.getByLabel("Lantern Books's share").fill("50");
  await staff.getByLabel("Note to both sides").fill("Both publishers hold rights under the 2015 co-edition agreement.");
  await snap(staff, "dispute-staff-resolve");
  await staff.getByRole("button", { name: "Resolve dispute" }).click();
  // The page re-renders with the decision in place of the form.
  await expect(staff.getByRole("heading", { name: "Decision" })).toBeVisible();
  await expect(staff.getByText("Lantern Books 50%")).toBeVisible();
  await snap(staff, "dispute-staff-resolved");

  await rightsholder.goto("/rightsholder/disputes?status=ALL");
  const resolved = rightsholder.getByRole("row").filter({ hasText: "The Glass Orchard" });
  await expect(resolved).toContainText("Resolved: co-owners");
  await resolved.getByRole("link").first().click();
  await expect(rightsholder.getByText("co-edition agreement")).toBeVisible();
  await rightsholder.getByRole("link", { name: "The Glass Orchard" }).first().click();
  await expect(rightsholder.getByText("Lantern Books").first()).toBeVisible();
  await snap(rightsholder, "dispute-work-co-owned");
});

test("an analyst reads the queue but cannot resolve", async ({ page }) => {
  const analyst = demoAccount("Staff analyst");
  await signIn(page, analyst.email, analyst.password);
  await page.goto("/staff/disputes?status=ALL");
  await page.getByRole("row").filter({ hasText: "The Glass Orchard" }).getByRole("link").first().click();
  await expect(page.getByRole("button", { name: "Resolve dispute" })).toHaveCount(0);
});

test("disputes on a phone @mobile", async ({ page }) => {
  const owner = demoAccount("Rightsholder owner");
  await signIn(page, owner.email, owner.password);
  await page.goto("/rightsholder/disputes?status=ALL");
  await expect(page.getByRole("heading", { name: "Disputes" })).toBeVisible();
  await snap(page, `disputes-rightsholder-${test.info().project.name}`);
});
