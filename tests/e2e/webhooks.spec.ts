import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { demoAccount, signIn, snap } from "./helpers";

// The demo licensee's owner registers an endpoint (a receiver in this test, on loopback), keeps
// the signing secret shown once, sends a test event; the app's job delivers it signed, and the
// delivery shows what the receiver answered. The receiver checks the signature as a customer would.
test("a licensee owner adds a webhook endpoint and a signed test event reaches it", async ({ page }) => {
  test.setTimeout(120_000);
  const received: { signature: string; body: string }[] = [];
  const receiver = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ signature: String(request.headers["clearway-signature"] ?? ""), body });
      response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/clearway-hooks`;
  try {
    const licensee = demoAccount("Licensee owner");
    await signIn(page, licensee.email, licensee.password);
    await page.getByRole("link", { name: "Webhooks" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Webhooks");
    await page.getByLabel("Endpoint URL").fill(url);
    await page.getByLabel("Description (optional)").fill("Our license desk");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.getByTestId("webhook-secret-value").innerText()).trim();
    expect(secret).toMatch(/^whsec_/);
    await snap(page, "webhooks-secret");

    await page.getByRole("link", { name: "open the endpoint" }).click();
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("webhook-delivery-row").first()).toContainText("Delivered", { timeout: 1_000 });
    }).toPass({ timeout: 60_000, intervals: [2_000] });
    await snap(page, "webhooks-endpoint");

    // The receiver's side: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>"> with the secret shown once.
    expect(received.length).toBeGreaterThanOrEqual(1);
    const { signature, body } = received.at(-1)!;
    const t = /t=(\d+)/.exec(signature)?.[1];
    const v1 = [...signature.matchAll(/v1=([0-9a-f]+)/g)].map((m) => m[1]);
    expect(v1).toContain(createHmac("sha256", secret).update(`${t}.${body}`).digest("hex"));
    expect(JSON.parse(body)).toMatchObject({ type: "webhook.test" });

    await page.getByTestId("webhook-delivery-row").first().getByRole("link").first().click();
    await expect(page.getByLabel("Payload")).toContainText("webhook.test");
    await snap(page, "webhooks-delivery");
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
