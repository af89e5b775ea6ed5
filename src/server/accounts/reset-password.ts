import "server-only";
import { writeAudit } from "../audit/write-audit";
import { hashPassword } from "../auth/password";
import { hashToken } from "../auth/tokens";
import { db } from "../db";
import { validation } from "../errors";
import { ZResetPasswordInput, type TResetPasswordInput } from "./accounts.schema";

const INVALID_LINK = "This reset link is invalid or has expired. Ask for a new one.";

/** Finds a usable reset token (unused, unexpired, active user) or null. */
export async function findUsableResetToken(token: string) {
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, usedAt: true, expiresAt: true, user: { select: { isActive: true, email: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= new Date() || !row.user.isActive) return null;
  return row;
}

/**
 * Sets the new password, spends the token and bumps the session version so every existing session
 * of the account ends. The token is claimed with a conditional update: two submissions of the same
 * link cannot both succeed.
 */
export async function resetPassword(rawInput: TResetPasswordInput, context: { ip: string | null }) {
  const input = ZResetPasswordInput.parse(rawInput);
  const row = await findUsableResetToken(input.token);
  if (!row) throw validation(INVALID_LINK, { token: [INVALID_LINK] });
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (claimed.count === 0) throw validation(INVALID_LINK, { token: [INVALID_LINK] });
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    // A successful reset also lifts any sign-in block for this email.
    await tx.loginThrottle.deleteMany({ where: { email: row.user.email } });
    await writeAudit(tx, null, { action: "account.password_reset", entityType: "User", entityId: row.userId, ip: context.ip });
  });
}
