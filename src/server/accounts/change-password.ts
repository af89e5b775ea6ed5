import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { hashPassword, verifyPassword } from "../auth/password";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { validation } from "../errors";
import { ZChangePasswordInput, type TChangePasswordInput } from "./accounts.schema";

/** Changes the actor's own password; other sessions end (session version bump). */
export async function changePassword(actor: Actor | null, rawInput: TChangePasswordInput) {
  authorize(can.manageOwnAccount(actor), "Please sign in first.");
  const user = requireUser(actor);
  const input = ZChangePasswordInput.parse(rawInput);
  const current = await db.user.findUniqueOrThrow({ where: { id: user.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(input.currentPassword, current.passwordHash))) {
    throw validation("Your current password is not right.", { currentPassword: ["Your current password is not right."] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: user.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await writeAudit(tx, actor, { action: "account.password_changed", entityType: "User", entityId: user.userId });
    return { sessionVersion: updated.sessionVersion };
  });
}
