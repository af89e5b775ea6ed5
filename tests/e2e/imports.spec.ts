import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { isbn13CheckDigit } from "../../src/lib/identifiers";
import { demoAccount, signIn, snap as snapPage } from "./helpers";

function randomIsbn(): string {
  const first12 = `979${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
  return first12 + isbn13CheckDigit(first12);
}

/** Full-page screenshots from the top, so the sticky header is drawn where it belongs. */
async function snap(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await snapPage(page, name);
}

const HEADER = "isbn,doi,title,contributors,type,language,publication_year,publisher,purposes";

/** Three good rows and four bad ones (lines 5–8). */
function catalogue() {
  const good = [randomIsbn(), randomIsbn(), randomIsbn()];
  const csv = [
    HEADER,
    `${good[0]},,The Tidewater Atlas,Mira Okafor,BOOK,en,2021,Harbour Lane Press,`,
    `${good[1]},10.5555/e2e.${Date.now().toString(36)},"Estuary Birds, Revised",Ada Lind; Jon Hale,BOOK,en,2019,Harbour Lane Press,TRAIN;RAG`,
    `${good[2]},,Salt Roads,Ines Varga,BOOK,en,2020,Harbour Lane Press,`,
    "9780000000000,,Wrong Check Digit,Someone,BOOK,en,2020,Harbour Lane Press,",
    `${randomIsbn()},,,No Title Given,BOOK,en,2020,Harbour Lane Press,`,
    `=HYPERLINK("http://evil.example"),,Formula Title,Someone,BOOK,en,2020,Harbour Lane Press,`,
    `${randomIsbn()},,Too Many,Cells,BOOK,en,2020,Harbour Lane Press,,surplus`,
  ].join("\r\n");
  return { csv: `${csv}\r\n`, good };
}

async function uploadFile(page: Page, name: string, content: string) {
  await page.getByLabel("Works file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content) });
  await expect(page.getByTestId("chosen-file")).toHaveText(name);
  await page.getByRole("button", { name: "Upload and import" }).click();
  await expect(page).toHaveURL(/\/rightsholder\/imports\/[0-9a-f-]{36}$/);
}

async function waitUntilDone(page: Page) {
  // The in-process worker picks the job up within a few seconds.
  await expect(page.getByTestId("import-headline")).toHaveText(/^Done:/, { timeout: 45_000 });
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "100");
}

test("a rightsholder imports a CSV, watches it finish, reads the outcome and downloads the error file", async ({ page }) => {
  const owner = demoAccount("Rightsholder owner");
  const fileName = `spring-catalogue-${Date.now().toString(36)}.csv`;
  const { csv } = catalogue();
  await signIn(page, owner.email, owner.password);
  await page.getByRole("link", { name: "Imports" }).first().click();
  await expect(page.getByRole("heading", { name: "Imports", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "CSV columns" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download the template" })).toHaveAttribute("href", "/api/works-imports/template");
  await snap(page, "imports-page");

  // A spreadsheet is refused in the browser before anything is sent.
  await page.getByLabel("Works file").setInputFiles({ name: "catalogue.xlsx", mimeType: "application/vnd.ms-excel", buffer: Buffer.from("PK\u0003\u0004") });
  await expect(page.getByTestId("form-error")).toContainText('Save As → "CSV UTF-8"');
  await expect(page.getByRole("button", { name: "Upload and import" })).toBeDisabled();

  await uploadFile(page, fileName, csv);
  await expect(page.getByRole("heading", { name: fileName })).toBeVisible();
  await expect(page.getByTestId("import-headline")).toHaveText(/^(Waiting to start|Importing|Done)/);
  await snap(page, "imports-detail-started");
  await waitUntilDone(page);
  await expect(page.getByTestId("count-created")).toHaveText("3");
  await expect(page.getByTestId("count-rejected")).toHaveText("4");
  await expect(page.getByTestId("count-unchanged")).toHaveText("0");

  // The error table lists each bad line with its reason.
  const errors = page.getByTestId("import-errors");
  await expect(errors.locator("tbody tr")).toHaveCount(4);
  await expect(errors.locator("tbody tr").nth(0)).toContainText("5");
  await expect(errors).toContainText("check digit");
  await expect(errors).toContainText("title: Enter the title.");
  await expect(errors).toContainText("run as a formula");
  await expect(errors).toContainText("the header has 9 (extra columns)");
  await snap(page, "imports-detail-done");

  // The progress survives a reload: it lives in the database.
  await page.reload();
  await expect(page.getByTestId("import-headline")).toHaveText(/^Done: 7 rows read in \d+ s\.$/);
  await expect(page.getByTestId("count-created")).toHaveText("3");

  // The error file: line, reason, raw line; the formula cell neutralised.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-errors").click()]);
  expect(download.suggestedFilename()).toBe(fileName.replace(/\.csv$/, "-errors.csv"));
  const text = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = text.trimEnd().split("\r\n");
  expect(lines[0]).toBe("line,reason,raw_line");
  expect(lines.map((l) => l.split(",")[0])).toEqual(["line", "5", "6", "7", "8"]);
  expect(lines.find((l) => l.startsWith("5,"))).toContain("9780000000000,,Wrong Check Digit");
  expect(lines.find((l) => l.startsWith("7,"))).toContain(`"'=HYPERLINK(""http://evil.example""),,Formula Title,Someone`);

  // The list shows it done, with its counts.
  await page.getByRole("link", { name: "All imports" }).click();
  const row = page.getByTestId("import-row").filter({ hasText: fileName });
  await expect(row).toContainText("Done");
  await expect(row).toContainText("Created3");
  await expect(row).toContainText("Rejected4");
  await snap(page, "imports-list");

  // Importing the very same file again changes nothing, and the page says it was imported before.
  await uploadFile(page, fileName, csv);
  await expect(page.getByTestId("same-file-note")).toContainText("You imported this same file on");
  await waitUntilDone(page);
  await expect(page.getByTestId("count-unchanged")).toHaveText("3");
  await expect(page.getByTestId("count-created")).toHaveText("0");
  await expect(page.getByTestId("count-updated")).toHaveText("0");
  await snap(page, "imports-detail-reimport");
});

test("a rightsholder follows an import on a phone @mobile", async ({ page }) => {
  const owner = demoAccount("Rightsholder owner");
  const fileName = `phone-${Date.now().toString(36)}.csv`;
  await signIn(page, owner.email, owner.password);
  await page.goto("/rightsholder/imports");
  await expect(page.getByRole("heading", { name: "Imports", exact: true })).toBeVisible();
  await snap(page, `imports-page-${test.info().project.name}`);
  await uploadFile(page, fileName, catalogue().csv);
  await waitUntilDone(page);
  await expect(page.getByTestId("count-created")).toHaveText("3");
  await snap(page, `imports-detail-${test.info().project.name}`);
});
