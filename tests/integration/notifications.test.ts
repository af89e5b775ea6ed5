import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { markNotificationsRead } from "@/server/notifications/mark-notifications-read";
import { countUnreadNotifications, listNotifications } from "@/server/notifications/notifications.queries";
import { createOrganizationWithPeople } from "../factories";

describe("notifications", () => {
  it("shows each person only their own, newest first, and marks only their own read", async () => {
    const { owner, member } = await createOrganizationWithPeople("LICENSEE");
    const older = await db.notification.create({ data: { userId: owner.user.id, title: "First", body: "One", createdAt: new Date("2026-11-01T10:00:00Z") } });
    const newer = await db.notification.create({ data: { userId: owner.user.id, title: "Second", body: "Two", href: "/licensee" } });
    const theirs = await db.notification.create({ data: { userId: member.user.id, title: "Member's", body: "Three" } });

    const listed = await listNotifications(owner.actor);
    expect(listed.items.map((n) => n.id)).toEqual([newer.id, older.id]);
    expect(listed.unread).toBe(2);

    expect(await markNotificationsRead(owner.actor, { notificationId: theirs.id })).toEqual({ marked: 0 });
    expect(await markNotificationsRead(owner.actor, { notificationId: "not-an-id" })).toEqual({ marked: 0 });
    expect(await markNotificationsRead(owner.actor, { notificationId: older.id })).toEqual({ marked: 1 });
    expect(await countUnreadNotifications(owner.actor)).toBe(1);
    expect(await markNotificationsRead(owner.actor, {})).toEqual({ marked: 1 });
    expect(await countUnreadNotifications(owner.actor)).toBe(0);
    expect(await countUnreadNotifications(member.actor)).toBe(1);
  });
});
