import "server-only";
import type { Actor } from "../auth/actor";
import { requireUser } from "../auth/policies";
import { db } from "../db";
import { isUuid } from "@/lib/uuid";

/** Marks the person's own notifications read: one (by id) or all. Someone else's id changes nothing. */
export async function markNotificationsRead(actor: Actor | null, input: { notificationId?: string | null }): Promise<{ marked: number }> {
  const user = requireUser(actor);
  const id = input.notificationId && isUuid(input.notificationId) ? input.notificationId : null;
  const result = await db.notification.updateMany({
    where: { userId: user.userId, readAt: null, ...(input.notificationId ? { id: id ?? "00000000-0000-0000-0000-000000000000" } : {}) },
    data: { readAt: new Date() },
  });
  return { marked: result.count };
}
