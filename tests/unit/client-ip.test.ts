import { describe, expect, it } from "vitest";
import { UNTRUSTED_CLIENT, clientIpFromForwardedFor } from "@/server/auth/client-ip";

describe("clientIpFromForwardedFor", () => {
  it("ignores a client-supplied header unless a trusted proxy sets it", () => {
    expect(clientIpFromForwardedFor("9.9.9.1", false)).toBe(UNTRUSTED_CLIENT);
    expect(clientIpFromForwardedFor("9.9.9.2", false)).toBe(UNTRUSTED_CLIENT);
  });

  it("behind a trusted proxy, takes the entry the proxy appended (the last)", () => {
    expect(clientIpFromForwardedFor("1.2.3.4, 203.0.113.7", true)).toBe("203.0.113.7");
    expect(clientIpFromForwardedFor(" 203.0.113.7 ", true)).toBe("203.0.113.7");
    expect(clientIpFromForwardedFor(undefined, true)).toBe("unknown");
  });
});
