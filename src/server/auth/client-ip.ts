// The client address as seen by the nearest proxy: the LAST x-forwarded-for entry is the one our
// own server (or the proxy in front of it) added; earlier entries are whatever the client sent and
// cannot be trusted for throttling.
export function clientIpFromForwardedFor(value: string | null | undefined): string {
  const last = value?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return last ?? "unknown";
}

export function clientIpFromHeaderRecord(headers: Record<string, unknown> | undefined): string {
  const raw = headers?.["x-forwarded-for"] ?? headers?.["x-real-ip"];
  return clientIpFromForwardedFor(typeof raw === "string" ? raw : undefined);
}
