import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

// The Clearway-Signature header, as Stripe's: `t=<unix seconds>,v1=<hex>[,v1=<hex>]`, each v1 the
// HMAC-SHA256 of `<t>.<raw body>` under one of the endpoint's signing secrets (two while a rolled
// secret overlaps). The timestamp is signed too, so a captured request can't be replayed later
// than the receiver's tolerance. The portal's verification guide shows the same check in Node.

export const SIGNATURE_HEADER = "Clearway-Signature";
/** How old a signature receivers should accept; the guide recommends it. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The header value for `body`, signed with every secret given (current first). */
export function signatureHeader(body: string, secrets: string[], timestamp: number): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${hmacHex(s, timestamp, body)}`)].join(",");
}

/**
 * What a receiver does: true when one v1 matches `secret` and the timestamp is within the
 * tolerance. Comparisons take constant time.
 */
export function verifyWebhookSignature(body: string, header: string, secret: string, options: { now?: Date; toleranceSeconds?: number } = {}): boolean {
  const parts = header.split(",").map((p) => p.trim().split("="));
  const timestamp = Number(parts.find(([k]) => k === "t")?.[1]);
  if (!Number.isInteger(timestamp)) return false;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(hmacHex(secret, timestamp, body), "hex");
  return parts
    .filter(([k, v]) => k === "v1" && v !== undefined && /^[0-9a-f]{64}$/.test(v))
    .some(([, v]) => timingSafeEqual(Buffer.from(v!, "hex"), expected));
}
