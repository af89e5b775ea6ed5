import { expect, test, type Page } from "@playwright/test";
import { isbn13CheckDigit } from "../../src/lib/identifiers";
import { demoAccount, formError, signIn, snap as snapPage } from "./helpers";

function randomIsbn(): string {
  const first12 = `979${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
  return first12 + isbn13CheckDigit(first12);
}

/** Full-page screenshots from the top, so the sticky header is drawn where it belongs. */
async function snap(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await snapPage(page, name);
}

test("a rightsholder owner creates a key, copies it, uses it on /api/v1/works and revokes it", async ({ page, context, request, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const owner = demoAccount("Rightsholder owner");
  const name = `Catalogue sync ${Date.now().toString(36)}`;
  await signIn(page, owner.email, owner.password);
  await page.getByRole("link", { name: "API keys" }).first().click();
  await expect(page.getByRole("heading", { name: "API keys", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Using the API" })).toBeVisible();
  await snap(page, "api-keys-rightsholder");

  // Without a permission the form says so, next to the choices.
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(formError(page)).toHaveText("Please correct the highlighted fields.");
  await expect(page.getByText("Choose at least one permission.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(name);

  await page.getByRole("checkbox", { name: /Read works/ }).check();
  await page.getByRole("checkbox", { name: /Enroll and update works/ }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const reveal = page.getByTestId("new-api-key");
  await expect(reveal).toContainText("This is the only time it is shown");
  const shown = (await page.getByTestId("new-api-key-value").textContent())?.trim() ?? "";
  expect(shown).toMatch(/^cw_live_[A-Za-z0-9_-]{43}$/);
  await page.getByRole("button", { name: "Copy key" }).click();
  await expect(reveal.getByRole("button", { name: "Copied" })).toBeVisible();
  const key = await page.evaluate(() => navigator.clipboard.readText());
  expect(key).toBe(shown);
  await snap(page, "api-keys-created-once");

  // The key works from any client: Playwright's request context has no session cookie.
  const headers = { Authorization: `Bearer ${key}` };
  const isbn = randomIsbn();
  const posted = await request.post("/api/v1/works", {
    headers,
    data: { works: [{ title: "The Tidewater Atlas", contributors: ["Mira Okafor"], publicationYear: 2021, identifiers: [isbn] }, { title: "" }] },
  });
  expect(posted.status()).toBe(207);
  const outcome = (await posted.json()) as { summary: Record<string, number>; results: { status: string; workId: number | null }[] };
  expect(outcome.summary).toMatchObject({ received: 2, created: 1, rejected: 1 });
  const listed = await request.get(`/api/v1/works?identifier=${isbn}`, { headers });
  expect(listed.status()).toBe(200);
  expect(((await listed.json()) as { data: { id: number; title: string }[] }).data).toEqual([
    expect.objectContaining({ id: outcome.results[0]!.workId, title: "The Tidewater Atlas" }),
  ]);

  // Over real HTTP, too, a bad request gets the one error format.
  const malformed = await request.post("/api/v1/works", { headers: { ...headers, "Content-Type": "application/json" }, data: Buffer.from('{"title": ') });
  expect(malformed.status()).toBe(400);
  expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe("BAD_REQUEST");
  const wrongType = await request.post("/api/v1/works", { headers: { ...headers, "Content-Type": "text/csv" }, data: "title\nx" });
  expect(wrongType.status()).toBe(415);

  // Once dismissed, the key is gone from the page for good; the list shows its prefix and use.
  await page.getByRole("button", { name: "I have stored it safely" }).click();
  await expect(page.getByTestId("new-api-key")).toBeHidden();
  await page.reload();
  await expect(page.getByText(key)).toHaveCount(0);
  const row = page.getByTestId("api-key-row").filter({ hasText: name });
  await expect(row).toContainText("Active");
  await expect(row).toContainText(key.slice(0, 14));
  await expect(row).toContainText("last used");
  await expect(row).toContainText("by Rita Rightsholder");
  await snap(page, "api-keys-listed");

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  const refused = await request.get("/api/v1/works", { headers });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
  await snap(page, "api-keys-revoked");
});

test("a licensee owner creates a usage key on a phone @mobile", async ({ page }) => {
  const owner = demoAccount("Licensee owner");
  await signIn(page, owner.email, owner.password);
  await page.goto("/licensee/api-keys");
  await expect(page.getByRole("heading", { name: "API keys", exact: true })).toBeVisible();
  // A licensee is offered its own permissions only.
  await expect(page.getByRole("checkbox", { name: /Read works/ })).toHaveCount(0);
  await page.getByLabel("Name").fill(`Usage uploader ${Date.now().toString(36)}`);
  await page.getByRole("checkbox", { name: /Report usage/ }).check();
  await page.getByLabel("Expires").selectOption("90");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-api-key-value")).toHaveText(/^cw_live_/);
  await snap(page, `api-keys-licensee-created-${test.info().project.name}`);
  await page.getByRole("button", { name: "I have stored it safely" }).click();
  await expect(page.getByTestId("api-key-row").first()).toContainText("expires");
  await snap(page, `api-keys-licensee-list-${test.info().project.name}`);
});

test("an owner rotates a key: the new secret is shown once, the old key keeps working for the grace chosen", async ({ page, request }) => {
  const owner = demoAccount("Rightsholder owner");
  const name = `Rotating feed ${Date.now().toString(36)}`;
  await signIn(page, owner.email, owner.password);
  await page.goto("/rightsholder/api-keys");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("checkbox", { name: /Read works/ }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const oldKey = (await page.getByTestId("new-api-key-value").textContent())?.trim() ?? "";
  await page.getByRole("button", { name: "I have stored it safely" }).click();

  const row = page.getByTestId("api-key-row").filter({ hasText: name });
  await row.getByLabel("When the old key stops").selectOption("1");
  await row.getByRole("button", { name: "Rotate" }).click();
  await expect(page.getByTestId("new-api-key")).toContainText("This is the only time it is shown");
  const newKey = (await page.getByTestId("new-api-key-value").textContent())?.trim() ?? "";
  expect(newKey).toMatch(/^cw_live_/);
  expect(newKey).not.toBe(oldKey);
  await snap(page, "api-keys-rotated");
  await page.getByRole("button", { name: "I have stored it safely" }).click();
  await expect(page.getByTestId("api-key-row").filter({ hasText: `${name} (rotated)` })).toBeVisible();

  for (const key of [oldKey, newKey]) expect((await request.get("/api/v1/works?limit=1", { headers: { Authorization: `Bearer ${key}` } })).status()).toBe(200);
});
