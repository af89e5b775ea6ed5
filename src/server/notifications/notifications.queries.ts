import "server-only";
import type { Actor } from "../auth/actor";
import { requireUser } from "../auth/policies";
import { db } from "../db";

// A person's own in-portal notifications (renewal reminders, finished imports…). Nobody reads
// another person's, staff included: they are messages to that person, not records.

export async function listNotifications(actor: Actor | null, options: { take?: number } = {}) {
  const user = requireUser(actor);
  const [items, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId: user.userId },
      orderBy: { createdAt: "desc" },
      take: Math.min(Math.max(options.take ?? 50, 1), 200),
      select: { id: true, title: true, body: true, href: true, readAt: true, createdAt: true },
    }),
    db.notification.count({ where: { userId: user.userId, readAt: null } }),
  ]);
  return { items, unread };
}

/** The count on the bell in the top bar. */
export async function countUnreadNotifications(actor: Actor | null): Promise<number> {
  const user = requireUser(actor);
  return db.notification.count({ where: { userId: user.userId, readAt: null } });
}
