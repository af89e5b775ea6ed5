import "server-only";
import { writeAudit } from "../audit/write-audit";
import { newToken } from "../auth/tokens";
import { db } from "../db";
import { enqueueMail } from "../mail/outbox";
import { passwordResetMail } from "../mail/templates";
import { ZRequestPasswordResetInput, type TRequestPasswordResetInput } from "./accounts.schema";

export const RESET_TOKEN_MINUTES = 60;

/**
 * Mails a one-hour reset link when the email belongs to an active account. The answer is the same
 * either way, so the form does not reveal which emails have accounts.
 */
export async function requestPasswordReset(rawInput: TRequestPasswordResetInput, context: { ip: string | null }) {
  const { email } = ZRequestPasswordResetInput.parse(rawInput);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, isActive: true } });
  if (!user || !user.isActive) return;
  const { token, tokenHash } = newToken();
  await db.$transaction(async (tx) => {
    await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + RESET_TOKEN_MINUTES * 60_000) },
    });
    await writeAudit(tx, null, { action: "account.password_reset_requested", entityType: "User", entityId: user.id, ip: context.ip });
    await enqueueMail(tx, passwordResetMail(user.email, user.name, token));
  });
}
