import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, isUser } from "../auth/policies";
import { db } from "../db";
import { AppError, forbidden, notFound, validation } from "../errors";
import { organizationsLeftWithoutActiveOwner } from "../organizations/staff-active-owners";
import { ZStaffDeactivateUserInput, type TStaffDeactivateUserInput } from "../organizations/staff-organizations.schema";

/**
 * Staff (ADMIN) deactivate a member's account, with a reason. The account is the person's, so it
 * ends their access to every organisation they belong to: isActive goes false and the session
 * version is bumped, so every open session is refused on its next request (loadUserActor), and
 * reset links not yet used are spent, so none works again after a reactivation.
 *
 * Deactivating the last active owner of an organisation is allowed (a compromised sole owner
 * must be stoppable), but only once staff have acknowledged it: without `leaveWithoutActiveOwner`
 * the use case refuses and names the organisations that would be left with nobody to manage them.
 * Staff never deactivate their own account.
 */
export async function deactivateUserAsStaff(actor: Actor | null, rawInput: TStaffDeactivateUserInput) {
  authorize(can.administer(actor), "Only staff administrators deactivate accounts.");
  const input = ZStaffDeactivateUserInput.parse(rawInput);
  if (isUser(actor) && actor.userId === input.userId) throw forbidden("You can't deactivate your own account; ask another administrator.");
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { organizationId: input.organizationId, userId: input.userId },
      select: { role: true, user: { select: { id: true, email: true, isActive: true, sessionVersion: true } } },
    });
    if (!membership) throw notFound("That member");
    if (!membership.user.isActive) throw new AppError("CONFLICT", `${membership.user.email} is already deactivated.`);
    const orphaned = await organizationsLeftWithoutActiveOwner(tx, input.userId);
    if (orphaned.length > 0 && !input.leaveWithoutActiveOwner) {
      const names = orphaned.map((o) => o.name).join(", ");
      const message = `${membership.user.email} is the last active owner of ${names}. Nobody there could manage members or keys until staff make someone else an owner or reactivate this account. Tick the box to deactivate anyway.`;
      throw validation(message, { leaveWithoutActiveOwner: [message] });
    }
    const moved = await tx.user.updateMany({
      where: { id: input.userId, isActive: true },
      data: { isActive: false, sessionVersion: { increment: 1 } },
    });
    if (moved.count === 0) throw new AppError("CONFLICT", `${membership.user.email} is already deactivated.`);
    const spent = await tx.passwordResetToken.updateMany({ where: { userId: input.userId, usedAt: null }, data: { usedAt: new Date() } });
    await writeAudit(tx, actor, {
      action: "account.deactivated",
      entityType: "User",
      entityId: input.userId,
      organizationId: input.organizationId,
      before: { isActive: true, sessionVersion: membership.user.sessionVersion },
      after: {
        isActive: false, sessionVersion: membership.user.sessionVersion + 1, reason: input.reason, email: membership.user.email,
        resetLinksSpent: spent.count, leftWithoutActiveOwner: orphaned.map((o) => o.id),
      },
    });
    return { email: membership.user.email, leftWithoutActiveOwner: orphaned };
  });
}
