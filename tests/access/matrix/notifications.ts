// Notifications: each signed-in person reads and marks only their own (the use cases take the
// person from the actor, never an id from the request).
import { markNotificationsRead } from "@/server/notifications/mark-notifications-read";
import { countUnreadNotifications, listNotifications } from "@/server/notifications/notifications.queries";
import { SIGNED_IN } from "../world";
import type { MatrixEntry } from "./types";

export const NOTIFICATIONS_MATRIX: Record<string, MatrixEntry> = {
  listNotifications: { allowed: SIGNED_IN, run: (actor) => listNotifications(actor) },
  countUnreadNotifications: { allowed: SIGNED_IN, run: (actor) => countUnreadNotifications(actor) },
  markNotificationsRead: { allowed: SIGNED_IN, run: (actor) => markNotificationsRead(actor, {}) },
};

export const NOTIFICATIONS_PUBLIC: Record<string, string> = {};
export const NOTIFICATIONS_INTERNAL: string[] = [];
