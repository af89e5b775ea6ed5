// The page access matrix: every page under src/app, requested as every role. A new page that is
// not listed here fails the first test, so the matrix grows with the app.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { demoAccount, signIn, type DemoRole } from "./helpers";

type Who = "anonymous" | DemoRole;
const EVERYONE: Who[] = ["anonymous", "Staff admin", "Staff analyst", "Licensee owner", "Rightsholder owner"];
const SIGNED_IN: Who[] = EVERYONE.filter((w) => w !== "anonymous");
const STAFF: Who[] = ["Staff admin", "Staff analyst"];

/** route pattern → [a concrete path to request, who may open it]. Others get sign-in or 403. */
const PAGES: Record<string, [string, Who[]]> = {
  "/": ["/", EVERYONE],
  "/sign-in": ["/sign-in", EVERYONE],
  "/sign-up": ["/sign-up", EVERYONE],
  "/forgot-password": ["/forgot-password", EVERYONE],
  "/reset-password/[token]": ["/reset-password/not-a-real-token", EVERYONE],
  "/invite/[token]": ["/invite/not-a-real-token", EVERYONE],
  "/home": ["/home", SIGNED_IN],
  "/account": ["/account", SIGNED_IN],
  "/licensee": ["/licensee", ["Licensee owner"]],
  "/licensee/members": ["/licensee/members", ["Licensee owner"]],
  "/rightsholder": ["/rightsholder", ["Rightsholder owner"]],
  "/rightsholder/members": ["/rightsholder/members", ["Rightsholder owner"]],
  "/staff": ["/staff", STAFF],
  "/staff/outbox": ["/staff/outbox", STAFF],
  "/staff/outbox/[id]": ["/staff/outbox/00000000-0000-7000-8000-000000000000", STAFF],
};

/** Pages that answer 404 for an unknown id even when allowed; pages that redirect when allowed. */
const NOT_FOUND_WHEN_ALLOWED = new Set(["/staff/outbox/[id]"]);
const REDIRECTS_WHEN_ALLOWED = new Set(["/home", "/sign-in", "/sign-up"]);

function discoverPages(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (!statSync(full).isDirectory()) return name === "page.tsx" ? [prefix || "/"] : [];
    if (name.startsWith("_") || name === "api") return [];
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
