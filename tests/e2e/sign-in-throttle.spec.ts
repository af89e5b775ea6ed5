import { expect, test } from "@playwright/test";
import { formError, signUp, uniqueEmail } from "./helpers";

test("ten failed sign-ins block the account even when each forges another X-Forwarded-For", async ({ page, request }) => {
  const email = uniqueEmail("target");
  await signUp(page, { kind: "LICENSEE", organization: "Target Labs", name: "Tia Target", email, password: "the real password" });
  await expect(page).toHaveURL(/\/licensee$/);
  await page.context().clearCookies();

  for (let attempt = 1; attempt <= 10; attempt++) {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      headers: { "X-Forwarded-For": `198.51.100.${attempt}` },
      form: { csrfToken, email, password: `guess number ${attempt}`, json: "true" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(401);
  }

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("the real password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formError(page)).toContainText("Too many failed attempts. Try again in 15 minutes");
});
