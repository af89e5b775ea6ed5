// The page access matrix: every page under src/app, requested as every role. A new page that is
// not listed here fails the first test, so the matrix grows with the app.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { demoAccount, signIn } from "./helpers";
import { API_KEYS_EXPECTATIONS, API_KEYS_PAGES } from "./page-matrix/api-keys";
import { BILLING_EXPECTATIONS, BILLING_PAGES } from "./page-matrix/billing";
import { COVERAGE_EXPECTATIONS, COVERAGE_PAGES } from "./page-matrix/coverage";
import { USAGE_EXPECTATIONS, USAGE_PAGES } from "./page-matrix/usage";
import { USAGE_QUEUE_EXPECTATIONS, USAGE_QUEUE_PAGES } from "./page-matrix/usage-queue";
import { DISPUTES_EXPECTATIONS, DISPUTES_PAGES } from "./page-matrix/disputes";
import { FOUNDATION_EXPECTATIONS, FOUNDATION_PAGES } from "./page-matrix/foundation";
import { IMPORTS_EXPECTATIONS, IMPORTS_PAGES } from "./page-matrix/imports";
import { PARTICIPATION_EXPECTATIONS, PARTICIPATION_PAGES } from "./page-matrix/participation";
import { STAFF_WORKS_EXPECTATIONS, STAFF_WORKS_PAGES } from "./page-matrix/staff-works";
import { STAFF_LICENSES_EXPECTATIONS, STAFF_LICENSES_PAGES } from "./page-matrix/staff-licenses";
import { STAFF_OPERATIONS_EXPECTATIONS, STAFF_OPERATIONS_PAGES } from "./page-matrix/staff-operations";
import { WEBHOOKS_EXPECTATIONS, WEBHOOKS_PAGES } from "./page-matrix/webhooks";
import { STAFF_ORGANIZATIONS_EXPECTATIONS, STAFF_ORGANIZATIONS_PAGES } from "./page-matrix/staff-organizations";
import { OPENAPI_PAGES } from "./page-matrix/openapi";
import { DISTRIBUTION_EXPECTATIONS, DISTRIBUTION_PAGES } from "./page-matrix/distribution";
import { STATEMENTS_EXPECTATIONS, STATEMENTS_PAGES } from "./page-matrix/statements";
import { EVERYONE, type PageExpectations, type PageTable } from "./page-matrix/types";
import { WORKS_PAGES } from "./page-matrix/works";

const PAGES: PageTable = {
  ...FOUNDATION_PAGES,
  ...API_KEYS_PAGES,
  ...WORKS_PAGES,
  ...DISPUTES_PAGES,
  ...PARTICIPATION_PAGES,
  ...IMPORTS_PAGES,
  ...BILLING_PAGES,
  ...COVERAGE_PAGES,
  ...USAGE_QUEUE_PAGES,
  ...USAGE_PAGES,
  ...STATEMENTS_PAGES,
  ...DISTRIBUTION_PAGES,
  ...OPENAPI_PAGES,
  ...STAFF_ORGANIZATIONS_PAGES,
  ...WEBHOOKS_PAGES,
  ...STAFF_OPERATIONS_PAGES,
  ...STAFF_LICENSES_PAGES,
  ...STAFF_WORKS_PAGES,
};

const EXPECTATIONS: PageExpectations[] = [FOUNDATION_EXPECTATIONS, API_KEYS_EXPECTATIONS, DISPUTES_EXPECTATIONS, PARTICIPATION_EXPECTATIONS, IMPORTS_EXPECTATIONS, BILLING_EXPECTATIONS, COVERAGE_EXPECTATIONS, USAGE_EXPECTATIONS, USAGE_QUEUE_EXPECTATIONS, STATEMENTS_EXPECTATIONS, DISTRIBUTION_EXPECTATIONS, STAFF_ORGANIZATIONS_EXPECTATIONS, WEBHOOKS_EXPECTATIONS, STAFF_OPERATIONS_EXPECTATIONS, STAFF_LICENSES_EXPECTATIONS, STAFF_WORKS_EXPECTATIONS];
/** Pages that answer 404 for an unknown id even when allowed; pages that redirect when allowed. */
const NOT_FOUND_WHEN_ALLOWED = new Set(EXPECTATIONS.flatMap((e) => e.notFoundWhenAllowed ?? []));
const REDIRECTS_WHEN_ALLOWED = new Set(EXPECTATIONS.flatMap((e) => e.redirectsWhenAllowed ?? []));

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
