import "server-only";
import { daysBetween } from "@/lib/licensing/term";
import { todayUtc } from "@/lib/works/work-input";
import { SYSTEM } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { enqueueMail } from "../mail/outbox";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";
import { licenseExpiringEventData } from "../webhooks/webhook-event-data";
import { licenseExpiredMail, renewalReminderMail } from "./renewal-mails";

// The daily license job (licenses.lifecycle): renewal reminders 30 and 7 days before a license
// ends, by mail to every member and in the portal, and the end of licenses whose term is over.
// Each step moves one grant with a conditional update (the reminder's sent-at still empty, the
// grant still active) in the transaction that writes its mails, so a run that is repeated, runs
// twice at once or dies half-way sends nothing twice and misses nothing on the next run.
// A license already renewed (a next grant paid for) gets no reminder. A license that renews
// automatically still gets both, saying when the saved card will be charged (and no Renew link:
// a second, one-off renewal would pay twice).

export const REMINDER_DAYS = [30, 7] as const;

export type LifecycleOutcome = { reminded30: number; reminded7: number; expired: number };

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** What a reminder or an expiry needs of a grant: its term, renewal state and who to tell. */
const GRANT_FOR_MAIL = {
  licenseNumber: true, endsOn: true, organizationId: true, autoRenew: true, stripeSubscriptionId: true,
  nextGrant: { select: { status: true } },
  organization: { select: { name: true, memberships: { select: { user: { select: { id: true, email: true } } } } } },
} as const;

export async function runLicenseLifecycle(today = todayUtc()): Promise<LifecycleOutcome> {
  const outcome: LifecycleOutcome = { reminded30: 0, reminded7: 0, expired: 0 };

  for (const days of REMINDER_DAYS) {
    const field = days === 30 ? "reminder30SentAt" : "reminder7SentAt";
    const due = await db.licenseGrant.findMany({
      where: {
        status: "ACTIVE",
        endsOn: { gt: at(today), lte: new Date(at(today).getTime() + days * 86_400_000) },
        [field]: null,
        nextGrant: { is: null },
      },
      select: { id: true },
      take: 1_000,
    });
    for (const { id } of due) {
      const sent = await db.$transaction(async (tx) => {
        const moved = await tx.licenseGrant.updateMany({ where: { id, status: "ACTIVE", [field]: null }, data: { [field]: new Date() } });
        if (moved.count === 0) return false;
        const grant = await tx.licenseGrant.findUniqueOrThrow({ where: { id }, select: GRANT_FOR_MAIL });
        const renewsAutomatically = grant.autoRenew && grant.stripeSubscriptionId !== null;
        // A renewal paid for meanwhile: nothing to remind of (the mark stays, so no later run does).
        if (grant.nextGrant && grant.nextGrant.status !== "CANCELLED") return false;
        const endsOn = grant.endsOn!.toISOString().slice(0, 10);
        const daysLeft = daysBetween(today, endsOn);
        for (const { user } of grant.organization.memberships) {
          await enqueueMail(tx, renewalReminderMail(user.email, { licenseNumber: grant.licenseNumber, organizationName: grant.organization.name, endsOn, renewsAutomatically }, daysLeft));
          await tx.notification.create({
            data: renewsAutomatically
              ? { userId: user.id, title: `License ${grant.licenseNumber} renews in ${daysLeft} day${daysLeft === 1 ? "" : "s"}`, body: "It renews automatically: the saved card is charged the day it ends. Nothing to do, unless you want to turn auto-renewal off.", href: "/licensee" }
              : { userId: user.id, title: `License ${grant.licenseNumber} ends in ${daysLeft} day${daysLeft === 1 ? "" : "s"}`, body: "Renew it now: the next 12 months start the day it ends.", href: "/licensee" },
          });
        }
        await writeAudit(tx, SYSTEM, { action: `license.reminder_${days}`, entityType: "LicenseGrant", entityId: id, organizationId: grant.organizationId, after: { endsOn, daysLeft, renewsAutomatically } });
        await emitWebhookEvent(tx, { organizationId: grant.organizationId, type: "license.expiring", data: () => licenseExpiringEventData(tx, id, { daysLeft, renewsAutomatically }) });
        return true;
      });
      if (sent) outcome[days === 30 ? "reminded30" : "reminded7"]++;
    }
  }

  const ended = await db.licenseGrant.findMany({ where: { status: "ACTIVE", endsOn: { lte: at(today) } }, select: { id: true }, take: 1_000 });
  for (const { id } of ended) {
    const expired = await db.$transaction(async (tx) => {
      const moved = await tx.licenseGrant.updateMany({ where: { id, status: "ACTIVE", endsOn: { lte: at(today) } }, data: { status: "EXPIRED", expiredAt: new Date() } });
      if (moved.count === 0) return false;
      const grant = await tx.licenseGrant.findUniqueOrThrow({ where: { id }, select: GRANT_FOR_MAIL });
      await writeAudit(tx, SYSTEM, { action: "license.expired", entityType: "LicenseGrant", entityId: id, organizationId: grant.organizationId, before: { status: "ACTIVE" }, after: { status: "EXPIRED" } });
      // Renewed: the next grant takes over the same day; no "ended" mail. Renewing automatically:
      // the charge may clear after this run (the next grant then starts on this end all the same),
      // and if it fails the members hear it from the payment-failed mail instead.
      if (grant.nextGrant?.status === "ACTIVE" || (grant.autoRenew && grant.stripeSubscriptionId)) return true;
      const endsOn = grant.endsOn!.toISOString().slice(0, 10);
      for (const { user } of grant.organization.memberships) {
        await enqueueMail(tx, licenseExpiredMail(user.email, { licenseNumber: grant.licenseNumber, organizationName: grant.organization.name, endsOn }));
      }
      return true;
    });
    if (expired) outcome.expired++;
  }
  return outcome;
}
