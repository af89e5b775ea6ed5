import { describe, expect, it } from "vitest";
import { MAX_CONSECUTIVE_FAILURES } from "@/server/auth/login-throttle";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { db } from "@/server/db";
import { TEST_PASSWORD, createUser } from "../factories";

async function failTimes(email: string, ip: string, times: number) {
  for (let i = 0; i < times; i++) {
    await expect(signInWithPassword(email, "wrong password", ip)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  }
}

describe("sign-in throttling per email and IP", () => {
  it("blocks the pair for 15 minutes after 10 consecutive failures, even with the right password", async () => {
    const user = await createUser();
    await failTimes(user.email, "192.0.2.1", MAX_CONSECUTIVE_FAILURES);
    await expect(signInWithPassword(user.email, TEST_PASSWORD, "192.0.2.1")).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/Try again in 15 minutes/),
    });
    // Another IP is a different pair and may still sign in.
    await expect(signInWithPassword(user.email, TEST_PASSWORD, "192.0.2.2")).resolves.toMatchObject({ userId: user.id });
  });

  it("does not block after 9 failures, and a success resets the count", async () => {
    const user = await createUser();
    await failTimes(user.email, "192.0.2.3", MAX_CONSECUTIVE_FAILURES - 1);
    await expect(signInWithPassword(user.email, TEST_PASSWORD, "192.0.2.3")).resolves.toBeTruthy();
    await failTimes(user.email, "192.0.2.3", MAX_CONSECUTIVE_FAILURES - 1);
    await expect(signInWithPassword(user.email, TEST_PASSWORD, "192.0.2.3")).resolves.toBeTruthy();
  });

  it("lets the pair try again once the block has passed, counting from one", async () => {
    const user = await createUser();
    await failTimes(user.email, "192.0.2.4", MAX_CONSECUTIVE_FAILURES);
    await db.loginThrottle.update({
      where: { email_ip: { email: user.email, ip: "192.0.2.4" } },
      data: { blockedUntil: new Date(Date.now() - 1000) },
    });
    await failTimes(user.email, "192.0.2.4", 1);
    const row = await db.loginThrottle.findUniqueOrThrow({ where: { email_ip: { email: user.email, ip: "192.0.2.4" } } });
    expect(row).toMatchObject({ consecutiveFailures: 1, blockedUntil: null });
  });

  it("counts concurrent failures without losing any", async () => {
    const user = await createUser();
    await Promise.allSettled(Array.from({ length: 6 }, () => signInWithPassword(user.email, "nope nope", "192.0.2.5")));
    const row = await db.loginThrottle.findUniqueOrThrow({ where: { email_ip: { email: user.email, ip: "192.0.2.5" } } });
    expect(row.consecutiveFailures).toBe(6);
  });

  it("refuses a deactivated account with the same message as a wrong password", async () => {
    const user = await createUser({ isActive: false });
    await expect(signInWithPassword(user.email, TEST_PASSWORD, "192.0.2.6")).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      message: "The email or password is not right.",
    });
  });
});
