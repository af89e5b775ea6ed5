import { expect, test } from "@playwright/test";
import { demoAccount, formError, signIn, snap } from "./helpers";

// Staff operations: settings (a value for a later day, refused for the past, withdrawn again so
// the demo data stays as seeded), the audit log with its CSV, the job monitor; an analyst reads.

const KEY = "tax.foreignWithholdingBps";

test("an admin schedules a setting, sees it in the audit log, withdraws it, and reads the job monitor", async ({ page }) => {
  test.setTimeout(90_000);
  const admin = demoAccount("Staff admin");
  await signIn(page, admin.email, admin.password);
  await page.goto("/staff/settings");
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.getByTestId(`in-force-${KEY}`)).toContainText("30 %");
  await expect(page.getByTestId(`uses-${KEY}`)).toContainText(/The run for \d{4}Q[1-4]/);
  await snap(page, "staff-settings");

  const form = page.getByTestId(`setting-form-${KEY}`);
  await form.getByLabel("New value").fill("27.5");
  await expect(form.getByText("Reads as 27.5 %.")).toBeVisible();
  await form.getByLabel("From").evaluate((input: HTMLInputElement) => input.removeAttribute("min"));
  await form.getByLabel("From").fill("2021-03-01");
  await form.getByLabel("Reason").fill("Treaty rate agreed");
  await form.getByRole("button", { name: "Add this value" }).click();
  await expect(formError(page)).toBeVisible();
  await expect(form.getByText(/Settings never change for the past/)).toBeVisible();
  await expect(form.getByLabel("New value")).toHaveValue("27.5");
  await snap(page, "staff-settings-refused");

  // A day of its own a few years ahead, so repeated runs never meet each other's value.
  const day = `2030-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
  await page.getByTestId(`setting-form-${KEY}`).getByLabel("From").fill(day);
  await page.getByTestId(`setting-form-${KEY}`).getByRole("button", { name: "Add this value" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  const scheduled = page.locator(`[id="${KEY}"]`).getByTestId("scheduled-value").filter({ hasText: "27.5 %" });
  await expect(scheduled).toContainText("First used by the run for 2030Q");
  await snap(page, "staff-settings-scheduled");

  await page.goto(`/staff/audit?entityType=Setting&entityId=${KEY}`);
  const row = page.getByTestId("audit-row").first();
  await expect(row).toContainText("setting.value_added");
  await row.locator("summary").click();
  await expect(row.getByTestId("audit-diff")).toContainText("27.5 %");
  await snap(page, "staff-audit");
  const csv = await page.request.get(`/staff/audit/export?entityType=Setting&entityId=${KEY}`);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split("\r\n")[0]).toContain("id,at,actor_kind");

  await page.goto("/staff/settings");
  const again = page.locator(`[id="${KEY}"]`).getByTestId("scheduled-value").filter({ hasText: "27.5 %" });
  await again.getByText("Withdraw this value…").click();
  await again.getByLabel("Reason").fill("Entered for the end-to-end test");
  await again.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.locator(`[id="${KEY}"]`).getByTestId("scheduled-value").filter({ hasText: "27.5 %" })).toHaveCount(0);

  await page.goto("/staff/jobs");
  await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
  await expect(page.getByTestId("job-counts")).toContainText("Failed");
  await expect(page.getByRole("heading", { name: "Schedules" })).toBeVisible();
  await snap(page, "staff-jobs");
});

test("an analyst reads settings, the audit log and jobs but is offered no change", async ({ page }) => {
  const analyst = demoAccount("Staff analyst");
  await signIn(page, analyst.email, analyst.password);
  await page.goto("/staff/settings");
  await expect(page.getByText("Settings are changed by staff administrators; analysts read them.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add this value" })).toHaveCount(0);
  await expect(page.getByText("Edit name and description")).toHaveCount(0);
  await page.goto("/staff/jobs");
  await expect(page.getByText("Disable…")).toHaveCount(0);
  await snap(page, "staff-jobs-analyst");
  await page.goto("/staff/audit");
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
});
