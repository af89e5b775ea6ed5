// The signature check the portal shows receivers, kept as text in one place so a test can run
// exactly what is shown against a real delivery (tests/integration/webhooks-delivery.test.ts).

/** The check itself: plain Node, no dependencies. */
export const VERIFY_FUNCTION_SAMPLE = `function isFromClearway(rawBody, header, secret, toleranceSeconds = 300) {
  const parts = header.split(",").map((part) => part.trim().split("="));
  const timestamp = Number(parts.find(([key]) => key === "t")?.[1]);
  if (!Number.isInteger(timestamp)) return false;
  if (Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(\`\${timestamp}.\${rawBody}\`).digest();
  // Two v1 values while a rolled secret overlaps: either may match.
  return parts.some(([key, value]) => key === "v1" && /^[0-9a-f]{64}$/.test(value ?? "")
    && timingSafeEqual(Buffer.from(value, "hex"), expected));
}`;

/** A whole receiver around it. */
export const RECEIVER_SAMPLE = `import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const secret = process.env.CLEARWAY_WEBHOOK_SECRET; // whsec_…

${VERIFY_FUNCTION_SAMPLE}

createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    // Check the raw bytes: parsing and re-serialising the JSON would change them.
    const rawBody = Buffer.concat(chunks).toString("utf8");
    if (!isFromClearway(rawBody, req.headers["clearway-signature"] ?? "", secret)) {
      res.writeHead(400).end();
      return;
    }
    const event = JSON.parse(rawBody);
    // Answer 2xx at once and do the work afterwards; skip event.id values already handled.
    res.writeHead(200).end();
    handle(event);
  });
}).listen(8080);`;
