import { expect, test } from "@playwright/test";
import { isbn13CheckDigit } from "../../src/lib/identifiers";
import { demoAccount, signIn, snap } from "./helpers";

// The seed enrolls "Les Marées d'hiver" (Claire Dubois, Harbour Lane Press, ISBN 978190000101x);
// no other journey touches it, so this one may suspend it (and lift it again) and correct it.
const ISBN = `978190000101${isbn13CheckDigit("978190000101")}`;
const HYPHENATED = `${ISBN.slice(0, 3)}-${ISBN.slice(3, 4)}-${ISBN.slice(4, 10)}-${ISBN.slice(10, 12)}-${ISBN.slice(12)}`;

test("a staff admin finds a work by words and by identifier, suspends it, lifts it and corrects it with reasons", async ({ page }) => {
  const admin = demoAccount("Staff admin");
  await signIn(page, admin.email, admin.password);
  await page.goto("/staff/works");
  await expect(page.getByRole("heading", { name: "Repertoire" })).toBeVisible();

  // Words without their accents; the title shows them marked.
  await page.getByLabel("Title, contributor, publisher or identifier").fill("marees hiver dubois");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const row = page.getByTestId("staff-work-row").filter({ hasText: "Les Marées d'hiver" });
  await expect(row).toBeVisible();
  await expect(row.locator("mark")).toHaveText(["Marées", "hiver", "Dubois"]);
  await expect(row).toContainText("Harbour Lane Press");
  await snap(page, "staff-works-search");

  await page.getByLabel("Title, contributor, publisher or identifier").fill(HYPHENATED);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByTestId("staff-work-row")).toHaveCount(1);
  await expect(row.getByText("Identifier")).toBeVisible();

  // Bulk: tick it, suspend with a reason, then lift it the same way.
  await row.getByRole("checkbox").check();
  await page.getByLabel("Reason (kept in each work's history)").fill("Rights check after a takedown request");
  await page.getByRole("button", { name: "Suspend 1 work" }).click();
  await expect(page.getByText("1 work suspended")).toBeVisible();
  await expect(row.getByText("Suspended")).toBeVisible();
  await snap(page, "staff-works-bulk-suspended");
  await row.getByRole("checkbox").check();
  await page.getByLabel("Reason (kept in each work's history)").fill("Takedown request withdrawn");
  await page.getByRole("button", { name: "Lift suspension of 1 work" }).click();
  await expect(page.getByText("1 work enrolled again")).toBeVisible();

  // The work's page: its facts, a suspension from here, and a correction.
  await row.getByTestId("staff-work-title").click();
  await expect(page.getByRole("heading", { name: "Les Marées d'hiver" })).toBeVisible();
  await expect(page.getByTestId("staff-work-usage")).toContainText("Usage lines");
  await page.getByLabel("Reason", { exact: true }).first().fill("Checking the French rights");
  await page.getByRole("button", { name: "Suspend this work" }).click();
  await expect(page.getByText("Suspended: Checking the French rights")).toBeVisible();
  await snap(page, "staff-work-suspended");
  await page.getByLabel("Reason", { exact: true }).first().fill("French rights confirmed");
  await page.getByRole("button", { name: "Lift the suspension" }).click();
  await expect(page.getByText("1 work enrolled again")).toBeVisible();

  await page.getByLabel("Publication year").fill("2011");
  await page.getByLabel("Reason for the change").fill("Year from the publisher's catalogue");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved")).toBeVisible();
  await page.reload();
  const history = page.getByTestId("work-history");
  await expect(history).toContainText("Corrected by staff");
  await expect(history).toContainText("Reason: Year from the publisher's catalogue");
  await expect(history).toContainText("Suspension lifted by staff");
  await expect(history).toContainText("Suspended by staff");
  await snap(page, "staff-work-history");

  // The rightsholder's works, with its standing and the suspension control (not used here).
  await page.getByRole("link", { name: "Harbour Lane Press" }).first().click();
  await expect(page.getByRole("button", { name: "Suspend this rightsholder" })).toBeVisible();
  await expect(page.getByTestId("staff-work-row").first()).toBeVisible();
  await snap(page, "staff-works-rightsholder");
});

test("an analyst searches and reads a work but has no controls", async ({ page }) => {
  const analyst = demoAccount("Staff analyst");
  await signIn(page, analyst.email, analyst.password);
  await page.goto("/staff/works?q=harbour");
  await expect(page.getByTestId("staff-work-row").first()).toBeVisible();
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Suspend/ })).toHaveCount(0);
  await page.getByTestId("staff-work-title").first().click();
  await expect(page.getByTestId("work-history")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Suspend|Merge/ })).toHaveCount(0);
  await snap(page, "staff-work-analyst");
});
