// The client's address, for the sign-in throttle and the audit log. Next.js passes a client's own
// X-Forwarded-For header through unchanged (measured: two sign-ins with different forged values
// were counted as two addresses), so the header is only believed behind a reverse proxy that sets
// it: TRUST_PROXY=1. Then its LAST entry is the one that proxy added. Without it every request
// counts as one address, "direct": the throttle then works per email, so rotating a forged header
// cannot buy an attacker more attempts.
export const UNTRUSTED_CLIENT = "direct";

export function clientIpFromForwardedFor(value: string | null | undefined, trustProxy = process.env.TRUST_PROXY === "1"): string {
  if (!trustProxy) return UNTRUSTED_CLIENT;
  const last = value?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return last ?? "unknown";
}

export function clientIpFromHeaderRecord(headers: Record<string, unknown> | undefined): string {
  const raw = headers?.["x-forwarded-for"];
  return clientIpFromForwardedFor(typeof raw === "string" ? raw : undefined);
}
