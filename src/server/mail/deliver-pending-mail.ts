import "server-only";
import nodemailer from "nodemailer";
import { db } from "../db";
import { env } from "../env";

const MAX_ATTEMPTS = 8;

/**
 * Sends queued mail through SMTP. Safe to run from several places at once: each message is
 * claimed with a conditional update before sending. Failures stay QUEUED for the next pass
 * until MAX_ATTEMPTS, then FAILED (visible in the staff outbox).
 */
export async function deliverPendingMail(limit = 50): Promise<{ sent: number; failed: number }> {
  const smtpUrl = env().SMTP_URL;
  if (!smtpUrl) return { sent: 0, failed: 0 };
  const transport = nodemailer.createTransport(smtpUrl);
  const pending = await db.mailMessage.findMany({
    where: { status: "QUEUED" },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, to: true, subject: true, text: true, attempts: true },
  });
  let sent = 0;
  let failed = 0;
  for (const mail of pending) {
    const claimed = await db.mailMessage.updateMany({
      where: { id: mail.id, status: "QUEUED", attempts: mail.attempts },
      data: { attempts: { increment: 1 } },
    });
    if (claimed.count === 0) continue;
    try {
      await transport.sendMail({ from: env().MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
      await db.mailMessage.update({ where: { id: mail.id }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
      sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.mailMessage.update({
        where: { id: mail.id },
        data: { lastError: message, status: mail.attempts + 1 >= MAX_ATTEMPTS ? "FAILED" : "QUEUED" },
      });
      failed++;
    }
  }
  return { sent, failed };
}
