import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { ZStaffUserInput, type TStaffUserInput } from "../organizations/staff-organizations.schema";

/**
 * Staff (ADMIN) reactivate a member's account, with a reason. Sessions from before the
 * deactivation stay ended (their session version is older): the person signs in again.
 */
export async function reactivateUserAsStaff(actor: Actor | null, rawInput: TStaffUserInput) {
  authorize(can.administer(actor), "Only staff administrators reactivate accounts.");
  const input = ZStaffUserInput.parse(rawInput);
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { organizationId: input.organizationId, userId: input.userId },
      select: { user: { select: { email: true } } },
    });
    if (!membership) throw notFound("That member");
    const moved = await tx.user.updateMany({ where: { id: input.userId, isActive: false }, data: { isActive: true } });
    if (moved.count === 0) throw new AppError("CONFLICT", `${membership.user.email} is already active.`);
    await writeAudit(tx, actor, {
      action: "account.reactivated",
      entityType: "User",
      entityId: input.userId,
      organizationId: input.organizationId,
      before: { isActive: false },
      after: { isActive: true, reason: input.reason, email: membership.user.email },
    });
    return { email: membership.user.email };
  });
}
