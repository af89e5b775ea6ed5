import type { Metadata } from "next";
import Link from "next/link";
import { markNotificationsReadAction } from "@/app/_actions/notifications";
import { ActionButton } from "@/components/forms/action-button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/server/auth/page-guards";
import { listNotifications } from "@/server/notifications/notifications.queries";

export const metadata: Metadata = { title: "Notifications" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function NotificationsPage() {
  const actor = await requirePageActor("/notifications");
  const { items, unread } = await listNotifications(actor);
  return (
    <>
      <PageHeader
        title="Notifications"
        description="What the portal wants you to know: renewals coming up, imports finished. Each is also sent by mail."
        actions={unread > 0 ? <ActionButton action={markNotificationsReadAction} fields={{}} label="Mark all as read" variant="secondary" /> : undefined}
      />
      {items.length === 0 ? (
        <EmptyState title="Nothing yet">You will see renewal reminders and finished imports here.</EmptyState>
      ) : (
        <Card className="p-0 sm:p-0">
          <ul className="divide-y divide-slate-100" data-testid="notifications">
            {items.map((n) => (
              <li key={n.id} className={`flex gap-3 px-5 py-4 ${n.readAt ? "" : "bg-brand-50/60"}`}>
                <span aria-hidden className={`mt-1.5 size-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-brand-600"}`} />
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-medium text-slate-900">
                    {n.href ? <Link href={n.href} className="hover:underline">{n.title}</Link> : n.title}
                    {n.readAt ? null : <span className="sr-only"> (unread)</span>}
                  </p>
                  <p className="mt-0.5 text-sm text-slate-600">{n.body}</p>
                  <p className="mt-1 text-xs text-slate-500">{when.format(n.createdAt)} UTC</p>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
