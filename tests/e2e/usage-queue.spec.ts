import { expect, test } from "@playwright/test";
import { demoAccount, signIn, snap } from "./helpers";

// The seed leaves two of Northwind's lines for this quarter unmatched: "The Cartographers
// Daughter" (2019; the enrolled title has an apostrophe, so the normalised titles differ) and an
// ISBN no work has, written with the title "Voices of the Estuary".

test("a staff admin matches an unmatched line from the queue and the queue shrinks", async ({ page }) => {
  const admin = demoAccount("Staff admin");
  await signIn(page, admin.email, admin.password);
  await page.getByRole("link", { name: "Usage queue" }).first().click();
  await expect(page.getByRole("heading", { name: "Usage queue" })).toBeVisible();
  const rows = page.getByTestId("usage-queue-row");
  const cartographer = rows.filter({ hasText: "The Cartographers Daughter" });
  await expect(cartographer).toContainText("Unmatched");
  await expect(cartographer.getByRole("checkbox")).toBeVisible();
  await expect(rows.filter({ hasText: "Voices of the Estuary" })).toBeVisible();
  await snap(page, "usage-queue");

  await cartographer.getByRole("link", { name: /The Cartographers Daughter/ }).click();
  await expect(page.getByRole("heading", { name: "The Cartographers Daughter (2019)" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Northwind AI Labs" })).toBeVisible();
  await page.getByLabel("Title words or identifier").fill("Cartographer");
  await page.getByRole("button", { name: "Search works" }).click();
  const work = page.getByTestId("work-for-match").filter({ hasText: "The Cartographer's Daughter" });
  await expect(work).toContainText("Harbour Lane Press");
  await snap(page, "usage-match");

  await work.getByRole("button", { name: "Match to this work" }).click();
  // The page re-renders with the decision in place of the search.
  await expect(page.getByText("Nothing left to decide here")).toBeVisible();
  await expect(page.getByText(/Matched to/)).toContainText("The Cartographer's Daughter");
  await page.getByRole("link", { name: "Back to the queue" }).click();
  await expect(page.getByRole("heading", { name: "Usage queue" })).toBeVisible();
  await expect(rows.filter({ hasText: "The Cartographers Daughter" })).toHaveCount(0);
  await expect(rows.filter({ hasText: "Voices of the Estuary" })).toBeVisible();
  await snap(page, "usage-queue-after-match");
});

test("an analyst reads the queue and a group but sees no buttons", async ({ page }) => {
  const analyst = demoAccount("Staff analyst");
  await signIn(page, analyst.email, analyst.password);
  await page.goto("/staff/usage");
  await expect(page.getByRole("heading", { name: "Usage queue" })).toBeVisible();
  const row = page.getByTestId("usage-queue-row").filter({ hasText: "Voices of the Estuary" });
  await expect(row).toBeVisible();
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Reject/ })).toHaveCount(0);

  await row.getByRole("link").first().click();
  await expect(page.getByText("Waiting for a decision")).toBeVisible();
  await page.getByLabel("Title words or identifier").fill("Tidal");
  await page.getByRole("button", { name: "Search works" }).click();
  await expect(page.getByTestId("work-for-match").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Match to this work" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reject" })).toHaveCount(0);
  await snap(page, "usage-match-analyst");
});
