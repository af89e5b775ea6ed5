import { describe, expect, it } from "vitest";
import { changePassword } from "@/server/accounts/change-password";
import { requestPasswordReset } from "@/server/accounts/request-password-reset";
import { resetPassword } from "@/server/accounts/reset-password";
import { loadUserActor } from "@/server/auth/load-actor";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { TEST_PASSWORD, actorFor, createUser, mailsTo, tokenFromLastMail } from "../factories";

const context = { ip: "198.51.100.7" };

describe("password reset by emailed link", () => {
  it("mails a link whose token sets a new password once and ends existing sessions", async () => {
    const user = await createUser();
    await requestPasswordReset({ email: user.email }, context);
    const token = await tokenFromLastMail(user.email, "/reset-password/");

    await resetPassword({ token, password: "a brand new password", confirmPassword: "a brand new password" }, context);

    await expect(signInWithPassword(user.email, TEST_PASSWORD, "10.0.0.1")).rejects.toThrow(AppError);
    await expect(signInWithPassword(user.email, "a brand new password", "10.0.0.1")).resolves.toMatchObject({ userId: user.id });
    // The session issued before the reset carries sessionVersion 1 and no longer loads.
    expect(await loadUserActor(user.id, 1, null)).toBeNull();
    const reuse = resetPassword({ token, password: "another password!!", confirmPassword: "another password!!" }, context);
    await expect(reuse).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("answers the same for unknown emails and sends nothing", async () => {
    await expect(requestPasswordReset({ email: "nobody-here@example.test" }, context)).resolves.toBeUndefined();
    expect(await mailsTo("nobody-here@example.test")).toHaveLength(0);
  });

  it("refuses an expired token", async () => {
    const user = await createUser();
    await requestPasswordReset({ email: user.email }, context);
    const token = await tokenFromLastMail(user.email, "/reset-password/");
    await db.passwordResetToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(
      resetPassword({ token, password: "a brand new password", confirmPassword: "a brand new password" }, context),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("refuses mismatched passwords with a field message and changes nothing", async () => {
    const user = await createUser();
    await requestPasswordReset({ email: user.email }, context);
    const token = await tokenFromLastMail(user.email, "/reset-password/");
    await expect(
      resetPassword({ token, password: "a brand new password", confirmPassword: "something else!!" }, context),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["confirmPassword"] })] });
    await expect(signInWithPassword(user.email, TEST_PASSWORD, "10.0.0.2")).resolves.toBeTruthy();
  });
});

describe("changePassword", () => {
  it("needs the current password", async () => {
    const user = await createUser();
    const actor = await actorFor(user.id);
    await expect(
      changePassword(actor, { currentPassword: "wrong", newPassword: "new password 123", confirmPassword: "new password 123" }),
    ).rejects.toMatchObject({ fieldErrors: { currentPassword: [expect.any(String)] } });
    const { sessionVersion } = await changePassword(actor, {
      currentPassword: TEST_PASSWORD,
      newPassword: "new password 123",
      confirmPassword: "new password 123",
    });
    expect(sessionVersion).toBe(2);
  });

  it("refuses the anonymous", async () => {
    await expect(changePassword(null, { currentPassword: "x", newPassword: "y".repeat(12), confirmPassword: "y".repeat(12) })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
