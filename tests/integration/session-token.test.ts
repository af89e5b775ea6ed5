// Pages read the session cookie's claims without next-auth's session endpoint (session-token.ts):
// the same answers as next-auth for a good, an expired, a tampered and a chunked cookie.
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionClaimsFrom, sessionCookieName, sessionTokenFrom } from "@/server/auth/session-token";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const claims = { uid: "0193c3a4-0000-7000-8000-000000000001", sv: 3, sid: "0193c3a4-0000-4000-8000-00000000beef", sat: 1_764_000_000 };

describe("the session cookie's claims", () => {
  it("are read from the cookie next-auth names for the URL", async () => {
    const token = await encode({ token: claims, secret: SECRET });
    expect(sessionCookieName("http://localhost:3000")).toBe("next-auth.session-token");
    expect(sessionCookieName("https://portal.example")).toBe("__Secure-next-auth.session-token");
    const cookies = [{ name: "other", value: "x" }, { name: "next-auth.session-token", value: token }];
    expect(await sessionClaimsFrom(cookies, SECRET, "next-auth.session-token")).toEqual(claims);
    // The plain-http name is not read where the portal is served over https.
    expect(await sessionClaimsFrom(cookies, SECRET, "__Secure-next-auth.session-token")).toBeNull();
  });

  it("are none for an expired token, another secret, a tampered token, or no cookie", async () => {
    const name = "next-auth.session-token";
    const expired = await encode({ token: claims, secret: SECRET, maxAge: -60 });
    const good = await encode({ token: claims, secret: SECRET });
    const tampered = `${good.slice(0, -4)}${good.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(await sessionClaimsFrom([{ name, value: expired }], SECRET, name)).toBeNull();
    expect(await sessionClaimsFrom([{ name, value: good }], `${SECRET}-other`, name)).toBeNull();
    expect(await sessionClaimsFrom([{ name, value: tampered }], SECRET, name)).toBeNull();
    expect(await sessionClaimsFrom([], SECRET, name)).toBeNull();
    expect(await sessionClaimsFrom([{ name, value: good }], undefined, name)).toBeNull();
  });

  it("joins a token next-auth split into numbered chunks, in number order", async () => {
    const name = "next-auth.session-token";
    const token = await encode({ token: claims, secret: SECRET });
    const third = Math.ceil(token.length / 3);
    const chunks = [2, 0, 1].map((i) => ({ name: `${name}.${i}`, value: token.slice(i * third, (i + 1) * third) }));
    expect(sessionTokenFrom(chunks, name)).toBe(token);
    expect(await sessionClaimsFrom(chunks, SECRET, name)).toEqual(claims);
  });
});
