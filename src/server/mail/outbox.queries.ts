import "server-only";
import type { MailStatus } from "@/generated/prisma/enums";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { isUuid } from "@/lib/uuid";

export const OUTBOX_PAGE_SIZE = 25;

/** Staff read every outgoing mail: with no SMTP configured this is where mail can be read. */
export async function listOutbox(actor: Actor | null, filter: { to?: string; status?: MailStatus; page?: number }) {
  authorize(can.readStaffArea(actor));
  const page = Math.max(1, filter.page ?? 1);
  const where = {
    ...(filter.to ? { to: { contains: filter.to.trim().toLowerCase() } } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
  const [total, messages] = await Promise.all([
    db.mailMessage.count({ where }),
    db.mailMessage.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: { id: true, to: true, subject: true, template: true, status: true, createdAt: true, sentAt: true, attempts: true, lastError: true },
    }),
  ]);
  return { total, page, pageCount: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)), messages };
}

export async function getOutboxMessage(actor: Actor | null, id: string) {
  authorize(can.readStaffArea(actor));
  // A malformed id from the URL is "no such mail", not a database error.
  return isUuid(id) ? db.mailMessage.findUnique({ where: { id } }) : null;
}
