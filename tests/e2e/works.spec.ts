import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { isbn10CheckDigit, isbn13CheckDigit } from "../../src/lib/identifiers";
import { demoAccount, formError, signIn, snap as fullPageSnap } from "./helpers";

const isoDay = (daysFromToday: number) => new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);

/** Scrolled to the top first, so the sticky header is drawn once, at the top. */
async function snap(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullPageSnap(page, name);
}

async function signInAsRightsholder(page: Page) {
  const account = demoAccount("Rightsholder owner");
  await signIn(page, account.email, account.password);
}

test("a rightsholder enrolls a work by form, finds it, edits it, shares it and exports it", async ({ page }) => {
  test.setTimeout(120_000);
  const nine = String(Math.floor(Math.random() * 1e9)).padStart(9, "0");
  const isbn10 = `${nine.slice(0, 1)}-${nine.slice(1, 5)}-${nine.slice(5)}-${isbn10CheckDigit(nine)}`;
  const isbn13 = `978${nine}${isbn13CheckDigit(`978${nine}`)}`;
  const title = `The Winter Harbour ${nine.slice(0, 4)}`;

  await signInAsRightsholder(page);
  await page.getByRole("link", { name: "Works" }).first().click();
  await expect(page.getByRole("heading", { name: "Works", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Atlas of Small Harbours" })).toBeVisible();
  await snap(page, "works-list");

  // Enroll: the ISBN-10 is converted as it is typed; a bad year and no purposes are refused, then fixed.
  await page.getByRole("link", { name: "New work" }).click();
  await expect(page.getByRole("heading", { name: "Enroll a work" })).toBeVisible();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Contributor 1", { exact: true }).fill("Ada Marlow");
  await page.getByRole("button", { name: "Add a contributor" }).click();
  await page.getByLabel("Contributor 2", { exact: true }).fill("Ben Okoro");
  await page.getByLabel("Identifier 1", { exact: true }).fill(isbn10.slice(0, -1) + (isbn10.endsWith("0") ? "1" : "0"));
  await expect(page.getByTestId("identifier-check-0")).toContainText("check digit is wrong");
  await page.getByLabel("Identifier 1", { exact: true }).fill(isbn10);
  await expect(page.getByTestId("identifier-check-0")).toContainText(`ISBN ${isbn13} · ISBN-10 converted to ISBN-13`);
  await page.getByLabel("Language").fill("en");
  await page.getByLabel("Publication year").fill("20x4");
  for (const purpose of ["Pre-training", "Fine-tuning", "Retrieval (RAG)"]) await page.getByLabel(purpose).uncheck();
  await snap(page, "work-new-filled");
  await page.getByRole("button", { name: "Enroll work" }).click();
  await expect(formError(page)).toHaveText("Check the highlighted fields.");
  await expect(page.getByText("Use a four-digit year between 1400 and 2100.")).toBeVisible();
  await expect(page.getByText("Choose at least one purpose.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Contributor 2", { exact: true })).toHaveValue("Ben Okoro");
  await expect(page.getByLabel("Identifier 1", { exact: true })).toHaveValue(isbn10);
  await snap(page, "work-new-errors");
  await page.getByLabel("Publication year").fill("2024");
  await page.getByLabel("Pre-training").check();
  await page.getByLabel("Fine-tuning").check();
  await page.getByLabel("Retrieval (RAG)").check();
  await page.getByRole("button", { name: "Enroll work" }).click();
  await expect(page).toHaveURL(/\/rightsholder\/works\/\d+\?enrolled=1$/);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("Work enrolled.")).toBeVisible();
  const workUrl = new URL(page.url()).pathname;

  // Find it: by title words, with filters, and by the identifier as first typed.
  await page.goto("/rightsholder/works");
  await page.getByLabel("Search by title or identifier").fill("winter harb");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByTestId("works-count")).toHaveText("1 work matches these filters.");
  await page.getByLabel("Search by title or identifier").fill("");
  await page.getByLabel("Type").selectOption("BOOK");
  await page.getByLabel("Exclusion").selectOption("no");
  await page.getByLabel("Sort").selectOption("title");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/type=BOOK/);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByRole("link", { name: "The Salt Road" })).toBeHidden();
  await page.getByLabel("Exclusion").selectOption("scheduled");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("link", { name: "The Salt Road" })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toBeHidden();
  await snap(page, "works-list-filtered");
  await page.getByRole("link", { name: "Clear all" }).click();
  await expect(page).toHaveURL(/\/rightsholder\/works$/);
  await expect(page.getByLabel("Type")).toHaveValue("");
  await page.getByLabel("Search by title or identifier").fill(isbn10);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText(`Exact match on ISBN ${isbn13}.`)).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`${workUrl}$`));

  // Edit purposes, then schedule an exclusion.
  await page.getByLabel("Retrieval (RAG)").uncheck();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Changes saved." })).toBeVisible();
  const exclusionDate = isoDay(30);
  await page.getByLabel("Exclude from").fill(exclusionDate);
  await page.getByRole("button", { name: "Exclude work" }).click();
  await expect(page.getByRole("status").filter({ hasText: `The work is excluded from ${exclusionDate} on.` })).toBeVisible();
  await expect(page.getByText(/Scheduled: out of the repertoire from/)).toBeVisible();

  // Co-owners: the sum is shown live; saving needs exactly 100%.
  await page.getByRole("button", { name: "+ Add a rightsholder" }).click();
  await page.getByLabel("Find an approved rightsholder by name").fill("Fern");
  await page.getByRole("button", { name: "Add Fernhill Editions" }).click();
  await page.getByLabel("Share of Harbour Lane Press in percent").fill("70");
  await page.getByLabel("Share of Fernhill Editions in percent").fill("40");
  await expect(page.getByTestId("co-owners-total")).toHaveText("Total 110% · 10% too much");
  await page.getByRole("button", { name: "Save co-owners" }).click();
  await expect(formError(page)).toHaveText("The shares add up to 110%; they must add up to exactly 100%.");
  await page.getByLabel("Share of Harbour Lane Press in percent").fill("60");
  await expect(page.getByTestId("co-owners-total")).toHaveText("Total 100% ✓");
  await page.getByRole("button", { name: "Save co-owners" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Co-owners saved." })).toBeVisible();

  // The history tells each step, with the person and the fields that changed.
  await page.reload();
  const history = page.getByTestId("work-history");
  await expect(history.getByRole("listitem")).toHaveCount(4);
  await expect(history.getByRole("listitem").nth(0)).toContainText("Co-owners changed");
  await expect(history.getByRole("listitem").nth(0)).toContainText("Harbour Lane Press 60%, Fernhill Editions 40%");
  await expect(history.getByRole("listitem").nth(1)).toContainText("Exclusion set");
  await expect(history.getByRole("listitem").nth(2)).toContainText("Edited");
  await expect(history.getByRole("listitem").nth(2)).toContainText("Pre-training, Fine-tuning, Retrieval (RAG)→Pre-training, Fine-tuning");
  await expect(history.getByRole("listitem").nth(3)).toContainText("Enrolled");
  await expect(history).toContainText("Rita Rightsholder");
  await snap(page, "work-detail");

  // Export what the list shows: CSV with a BOM and the import template's columns.
  await page.goto(`/rightsholder/works?q=${encodeURIComponent("winter harbour")}`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^harbour-lane-press-works-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  const lines = csv.split("\r\n");
  expect(lines[0]).toBe("\uFEFFisbn,issn,doi,url,title,contributors,type,language,publication_year,publisher,purposes,excluded_from,id,status");
  expect(lines[1]).toContain(`${isbn13},,,,${title},Ada Marlow; Ben Okoro,BOOK,en,2024,,TRAIN;FINE_TUNE,${exclusionDate},`);
  expect(lines.filter(Boolean)).toHaveLength(2);
});

test("the export checks who asks", async ({ page, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.get("/rightsholder/works/export", { maxRedirects: 0 })).status()).toBe(401);
  await anonymous.dispose();
  const licensee = demoAccount("Licensee owner");
  await signIn(page, licensee.email, licensee.password);
  expect((await page.request.get("/rightsholder/works/export")).status()).toBe(403);
});

test("the works list on a phone stacks each work @mobile", async ({ page }) => {
  await signInAsRightsholder(page);
  await page.goto("/rightsholder/works");
  await expect(page.getByRole("heading", { name: "Works", exact: true })).toBeVisible();
  // One list for both layouts: on a phone the column headings go and each work stacks.
  if (test.info().project.name === "mobile") await expect(page.getByTestId("works-columns")).toBeHidden();
  else await expect(page.getByRole("columnheader", { name: "Identifier" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Atlas of Small Harbours/ })).toBeVisible();
  await snap(page, `works-list-${test.info().project.name}`);
  await page.getByRole("link", { name: /Atlas of Small Harbours/ }).click();
  await expect(page.getByText("Fernhill Editions").first()).toBeVisible();
  await snap(page, `work-detail-${test.info().project.name}`);
});
