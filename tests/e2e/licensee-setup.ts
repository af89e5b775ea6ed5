// A new licensee with a complete profile, signed in on its overview (8 employees in media
// publishing, GB: the flat $1,500.00 band). Shared by the subscription and refund journeys.
import { expect, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "./helpers";

export async function newLicenseeWithProfile(page: Page, organization: string): Promise<{ email: string; password: string }> {
  const account = { email: uniqueEmail("buyer"), password: "buyer-password-2026" };
  await signUp(page, { kind: "LICENSEE", organization, name: "Pat Buyer", ...account });
  await page.getByRole("link", { name: "Complete the profile" }).click();
  await page.getByLabel("Legal name").fill(`${organization} Ltd`);
  await page.getByLabel("Country").selectOption("GB");
  await page.getByLabel("Industry group").selectOption("MEDIA_PUBLISHING");
  await page.getByLabel("Employees").fill("8");
  await page.getByLabel("Your AI systems and their use outside the organisation").fill("A summarisation service for newsletters, sold to small publishers as a subscription.");
  await page.getByLabel(/I confirm, for the organisation/).check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();
  await page.getByRole("link", { name: "Overview" }).first().click();
  return account;
}
