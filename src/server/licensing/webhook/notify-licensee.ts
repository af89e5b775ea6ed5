import "server-only";
import type { Tx } from "../../db";
import { enqueueMail, type OutgoingMail } from "../../mail/outbox";

/**
 * Tells every member of a licensee, in the caller's transaction: a notification in the portal and,
 * when `mail` is given, a mail to each (the mail exists exactly when the change that caused it does).
 */
export async function notifyLicensee(tx: Tx, organizationId: string, notice: { title: string; body: string; mail?: (to: string) => OutgoingMail }): Promise<void> {
  const members = await tx.membership.findMany({ where: { organizationId }, select: { user: { select: { id: true, email: true } } } });
  await tx.notification.createMany({ data: members.map((m) => ({ userId: m.user.id, title: notice.title, body: notice.body, href: "/licensee" })) });
  if (!notice.mail) return;
  for (const { user } of members) await enqueueMail(tx, notice.mail(user.email));
}
