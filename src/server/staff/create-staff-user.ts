import "server-only";
import { randomBytes } from "node:crypto";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { hashPassword } from "../auth/password";
import { authorize, can } from "../auth/policies";
import { newToken } from "../auth/tokens";
import { db } from "../db";
import { enqueueMail } from "../mail/outbox";
import { staffAccountMail } from "../mail/templates";
import { ZCreateStaffUserInput, type TCreateStaffUserInput } from "./staff.schema";

/**
 * Creates a staff account, or gives an existing account the staff role (ending its sessions so the
 * role applies at once). Only an ADMIN or the system (the `staff:create` script) may do this.
 * Without a password, the person gets a reset link by mail to choose one.
 */
export async function createStaffUser(actor: Actor | null, rawInput: TCreateStaffUserInput) {
  authorize(can.administer(actor), "Only administrators can create staff accounts.");
  const input = ZCreateStaffUserInput.parse(rawInput);
  const passwordHash = await hashPassword(input.password ?? randomBytes(24).toString("base64url"));
  const reset = input.password ? null : newToken();

  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, staffRole: true } });
    const user = before
      ? await tx.user.update({
          where: { id: before.id },
          data: { staffRole: input.role, sessionVersion: { increment: 1 }, ...(input.password ? { passwordHash } : {}) },
          select: { id: true, email: true, name: true, staffRole: true },
        })
      : await tx.user.create({
          data: { email: input.email, name: input.name, passwordHash, staffRole: input.role },
          select: { id: true, email: true, name: true, staffRole: true },
        });
    await writeAudit(tx, actor, {
      action: before ? "staff.role_granted" : "staff.created",
      entityType: "User",
      entityId: user.id,
      before: before ? { staffRole: before.staffRole } : undefined,
      after: { staffRole: user.staffRole },
    });
    if (reset) {
      await tx.passwordResetToken.create({
        data: { userId: user.id, tokenHash: reset.tokenHash, expiresAt: new Date(Date.now() + 24 * 3_600_000) },
      });
      await enqueueMail(tx, staffAccountMail(user.email, user.name, input.role, reset.token));
    }
    return { user, isNew: !before };
  });
}
