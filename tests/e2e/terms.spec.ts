import { expect, test } from "@playwright/test";
import { snap } from "./helpers";

test("a visitor reads the license terms, and crawlers find the same terms machine-readable", async ({ page, request }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "License terms" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("the terms");
  await expect(page.getByTestId("terms-purposes")).toContainText("Retrieval-augmented generation");
  await expect(page.getByTestId("terms-price")).toContainText("$1,500.00 a year");
  await snap(page, "license-terms");

  const rsl = await request.get("/license.rsl");
  expect(rsl.headers()["content-type"]).toContain("application/rsl+xml");
  expect(await rsl.text()).toContain("ai-train,ai-input");
  expect(await (await request.get("/robots.txt")).text()).toMatch(/^License: http.*\/license\.rsl$/m);
  const tdmrep = await (await request.get("/.well-known/tdmrep.json")).json();
  expect(tdmrep[0]["tdm-reservation"]).toBe(1);
  const terms = await (await request.get("/api/v1/license-terms")).json();
  expect(terms.permittedPurposes).toHaveLength(3);
});
