// The page access matrix: every page under src/app, requested as every role. A new page that is
// not listed here fails the first test, so the matrix grows with the app.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { demoAccount, signIn } from "./helpers";
import { NOT_FOUND_WHEN_ALLOWED, PAGES, REDIRECTS_WHEN_ALLOWED } from "./page-matrix";
import { EVERYONE } from "./page-matrix/types";

function discoverPages(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (!statSync(full).isDirectory()) return name === "page.tsx" ? [prefix || "/"] : [];
    // src/app/api holds route handlers, not pages; a page may still live under a folder named
    // "api" elsewhere (/developers/api).
    if (name.startsWith("_") || (name === "api" && prefix === "")) return [];
    const segment = name.startsWith("(") ? "" : `/${name}`;
    return discoverPages(full, prefix + segment);
  });
}

test("every page in src/app is in the access matrix", () => {
  const pages = discoverPages(path.resolve("src/app")).sort();
  expect(pages).toEqual(Object.keys(PAGES).sort());
});

for (const who of EVERYONE) {
  test(`page access as ${who}`, async ({ browser }) => {
    const context = await browser.newContext();
    if (who !== "anonymous") {
      const page = await context.newPage();
      const account = demoAccount(who);
      await signIn(page, account.email, account.password);
      await page.close();
    }
    const request: APIRequestContext = context.request;
    const problems: string[] = [];
    for (const [pattern, [url, allowed]] of Object.entries(PAGES)) {
      const response = await request.get(url, { maxRedirects: 0 });
      const status = response.status();
      const location = response.headers()["location"] ?? "";
      if (allowed.includes(who)) {
        const expected = NOT_FOUND_WHEN_ALLOWED.has(pattern) ? [404] : REDIRECTS_WHEN_ALLOWED.has(pattern) ? [200, 307] : [200];
        if (!expected.includes(status)) problems.push(`${url}: expected ${expected.join("/")}, got ${status}`);
        if (status === 307 && location.includes("/sign-in")) problems.push(`${url}: sent to sign-in`);
      } else if (who === "anonymous") {
        if (status !== 307 || !location.includes("/sign-in")) problems.push(`${url}: expected a redirect to sign-in, got ${status} ${location}`);
      } else if (status !== 403) {
        problems.push(`${url}: expected 403, got ${status}`);
      }
    }
    await context.close();
    expect(problems).toEqual([]);
  });
}
