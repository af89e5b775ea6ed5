import "server-only";
import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { AppError, notFound, validation } from "../errors";

const ZResendMailInput = z.object({ mailId: z.uuid({ error: "That mail was not found." }) });

/**
 * ADMIN sends a FAILED mail again: it goes back to QUEUED, and the next `mail.deliver` pass makes
 * one more attempt (its attempts stay counted, so a second failure marks it FAILED again rather
 * than retrying for hours). Without SMTP nothing delivers mail, so the resend is refused.
 */
export async function resendFailedMail(actor: Actor | null, rawInput: { mailId: string }): Promise<{ mailId: string }> {
  authorize(can.administer(actor), "Only staff administrators resend mail.");
  requireUser(actor);
  const parsed = ZResendMailInput.safeParse(rawInput);
  if (!parsed.success) throw validation("That mail was not found.");
  const { mailId } = parsed.data;
  return db.$transaction(async (tx) => {
    const mail = await tx.mailMessage.findUnique({ where: { id: mailId }, select: { status: true, to: true, template: true, attempts: true, lastError: true } });
    if (!mail) throw notFound("That mail");
    if (mail.status !== "FAILED") throw new AppError("CONFLICT", `Only a failed mail is sent again; this one is ${mail.status.toLowerCase()}.`);
    if (!process.env.SMTP_URL) throw new AppError("CONFLICT", "No SMTP server is configured, so mail is captured here rather than sent: configure SMTP_URL first.");
    const moved = await tx.mailMessage.updateMany({ where: { id: mailId, status: "FAILED" }, data: { status: "QUEUED" } });
    if (moved.count === 0) throw new AppError("CONFLICT", "The mail changed a moment ago. Reload the page.");
    await writeAudit(tx, actor, {
      action: "mail.resent",
      entityType: "MailMessage",
      entityId: mailId,
      before: { status: mail.status, attempts: mail.attempts, lastError: mail.lastError },
      after: { status: "QUEUED", to: mail.to, template: mail.template },
    });
    return { mailId };
  });
}
