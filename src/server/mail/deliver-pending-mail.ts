import "server-only";
import nodemailer from "nodemailer";
import { db } from "../db";
import { env } from "../env";

const MAX_ATTEMPTS = 8;

// Bounded well inside the mail.deliver job's 120 s lease (nodemailer's defaults are 2 min to
// connect, 30 s for the greeting, 10 min of socket silence): a hung server must not keep a pass
// running until another worker takes the job over and starts a second pass beside it.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * True when the error says the SMTP server was not reached or broke off (nodemailer gives no SMTP
 * reply code then): a fault of the server, not of the message, so it does not use up the
 * message's attempts.
 */
function isServerUnreachable(error: unknown): boolean {
  return typeof (error as { responseCode?: unknown } | null)?.responseCode !== "number";
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export type DeliveryOutcome = { sent: number; failed: number; isServerUnreachable: boolean };

/**
 * Sends queued mail through SMTP. Safe to run from several places at once: each message is
 * claimed with a conditional update before sending. A message the server refuses stays QUEUED for
 * the next pass until MAX_ATTEMPTS, then FAILED (visible in the staff outbox). While the server
 * cannot be reached, nothing is claimed: every message stays QUEUED, its attempts untouched, with
 * the reason in lastError, for as long as the outage lasts (before, each pass spent one of every
 * message's eight attempts, so an outage of eight minutes failed all the mail waiting).
 */
export async function deliverPendingMail(limit = 50): Promise<DeliveryOutcome> {
  const smtpUrl = env().SMTP_URL;
  if (!smtpUrl) return { sent: 0, failed: 0, isServerUnreachable: false };
  const pending = await db.mailMessage.findMany({
    where: { status: "QUEUED" },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, to: true, subject: true, text: true, attempts: true },
  });
  if (pending.length === 0) return { sent: 0, failed: 0, isServerUnreachable: false };
  const transport = nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS });
  try {
    try {
      await transport.verify();
    } catch (error) {
      if (!isServerUnreachable(error)) throw error;
      await noteUnreachable(pending.map((m) => m.id), error);
      return { sent: 0, failed: 0, isServerUnreachable: true };
    }
    let sent = 0;
    let failed = 0;
    for (const [index, mail] of pending.entries()) {
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
        if (isServerUnreachable(error)) {
          // The server went away mid-pass: give this message its attempt back, leave the rest.
          await db.mailMessage.updateMany({ where: { id: mail.id, status: "QUEUED" }, data: { attempts: { decrement: 1 } } });
          await noteUnreachable(pending.slice(index).map((m) => m.id), error);
          return { sent, failed, isServerUnreachable: true };
        }
        await db.mailMessage.update({
          where: { id: mail.id },
          data: { lastError: messageOf(error), status: mail.attempts + 1 >= MAX_ATTEMPTS ? "FAILED" : "QUEUED" },
        });
        failed++;
      }
    }
    return { sent, failed, isServerUnreachable: false };
  } finally {
    transport.close();
  }
}

async function noteUnreachable(ids: string[], error: unknown): Promise<void> {
  await db.mailMessage.updateMany({
    where: { id: { in: ids }, status: "QUEUED" },
    data: { lastError: `Not sent yet: the mail server could not be reached (${messageOf(error).slice(0, 300)}). It is tried again every minute.` },
  });
}
