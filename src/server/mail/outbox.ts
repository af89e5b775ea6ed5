import "server-only";
import type { DbOrTx } from "../db";

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  template: string;
};

/**
 * Records a mail in the outbox inside the caller's transaction: the mail exists exactly when the
 * change that caused it committed. Delivery happens afterwards (deliverPendingMail), never inside
 * a transaction. Without SMTP the row stays CAPTURED, readable by staff and by tests.
 */
export async function enqueueMail(tx: DbOrTx, mail: OutgoingMail): Promise<void> {
  await tx.mailMessage.create({
    data: { ...mail, status: process.env.SMTP_URL ? "QUEUED" : "CAPTURED" },
  });
}
