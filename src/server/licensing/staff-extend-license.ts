import "server-only";
import { formatDay } from "@/lib/dates";
import { daysBetween, lastDayOf } from "@/lib/licensing/term";
import { todayUtc } from "@/lib/works/work-input";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { AppError, notFound, validation } from "../errors";
import { licenseExtendedMail } from "./staff-license-mails";
import { cancelRenewingSubscription } from "./staff-license-subscription";
import { fieldErrorsOf, MAX_EXTENSION_DAYS, ZExtendLicenseInput, type TExtendLicenseInput } from "./staff-licenses.schema";
import { notifyLicensee } from "./webhook/notify-licensee";

const DAY_MS = 86_400_000;
const at = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, days: number) => dayOf(new Date(at(day).getTime() + days * DAY_MS));

/**
 * Staff (ADMIN) extend an active license with a reason: its end moves later, by N days or to a
 * date. An extension is time given, not sold: the fee and termDays (the term as sold) stay as
 * they are, so revenue recognition, refund suggestions and royalties are unchanged (decision 015:
 * recognition runs over the term as sold, as when a refund shortens it); only coverage and the
 * certificate run longer. The renewal reminders are sent again against the new end. A renewing
 * subscription is cancelled first (its charge date would no longer be the license's end), as a
 * refund does; the licensee can turn auto-renewal on again. Refused when another license of the
 * organisation (its renewal) starts before the new end.
 */
export async function extendLicense(actor: Actor | null, rawInput: TExtendLicenseInput): Promise<{ grantId: string; endsOn: string }> {
  authorize(can.administer(actor), "Only staff administrators extend licenses.");
  requireUser(actor);
  const parsed = ZExtendLicenseInput.safeParse(rawInput);
  if (!parsed.success) throw validation("Check the highlighted fields.", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  const grant = await db.licenseGrant.findUnique({
    where: { id: input.grantId },
    select: {
      id: true, status: true, licenseNumber: true, organizationId: true, startsOn: true, endsOn: true, termDays: true, autoRenew: true, stripeSubscriptionId: true,
      reminder30SentAt: true, reminder7SentAt: true, organization: { select: { name: true } },
    },
  });
  if (!grant) throw notFound("That license");
  if (grant.status !== "ACTIVE" || !grant.endsOn || !grant.startsOn) {
    throw new AppError("CONFLICT", `License ${grant.licenseNumber} is ${grant.status.toLowerCase().replace("_", " ")}: only an active license is extended.`);
  }
  const previousEndsOn = dayOf(grant.endsOn);
  if (previousEndsOn !== input.expectedEndsOn) throw new AppError("CONFLICT", `License ${grant.licenseNumber} changed meanwhile. Reload the page and decide again.`);
  const today = todayUtc();
  const field = input.mode === "DAYS" ? "days" : "endsOn";
  const endsOn = input.mode === "DAYS" ? addDays(previousEndsOn, Number(input.days)) : input.endsOn;
  if (endsOn <= previousEndsOn) throw validation("Check the highlighted fields.", { [field]: [`Later than the current end: it covers up to ${formatDay(lastDayOf({ endsOn: previousEndsOn }))}.`] });
  if (daysBetween(previousEndsOn, endsOn) > MAX_EXTENSION_DAYS) throw validation("Check the highlighted fields.", { [field]: [`At most ${MAX_EXTENSION_DAYS} days past the current end.`] });
  if (endsOn <= today) throw validation("Check the highlighted fields.", { [field]: ["The new end must be after today: this license would still have ended."] });
  const following = await db.licenseGrant.findFirst({
    where: { organizationId: grant.organizationId, id: { not: grant.id }, status: "ACTIVE", startsOn: { lt: at(endsOn) }, endsOn: { gt: grant.endsOn } },
    orderBy: { startsOn: "asc" },
    select: { licenseNumber: true, startsOn: true },
  });
  if (following?.startsOn) {
    throw validation("Check the highlighted fields.", { [field]: [`License ${following.licenseNumber} starts on ${formatDay(dayOf(following.startsOn))}: the two would overlap. Extend that one instead.`] });
  }

  const wasRenewing = await cancelRenewingSubscription(grant);
  const daysLeft = daysBetween(today, endsOn);
  return db.$transaction(async (tx) => {
    const moved = await tx.licenseGrant.updateMany({
      where: { id: grant.id, status: "ACTIVE", endsOn: grant.endsOn },
      data: {
        endsOn: at(endsOn),
        // Reminders count down to the new end; one not yet due there is sent again when it is.
        ...(daysLeft > 30 ? { reminder30SentAt: null } : {}),
        ...(daysLeft > 7 ? { reminder7SentAt: null } : {}),
        ...(wasRenewing ? { autoRenew: false } : {}),
      },
    });
    if (moved.count === 0) throw new AppError("CONFLICT", `License ${grant.licenseNumber} changed meanwhile. Reload the page and decide again.`);
    await writeAudit(tx, actor, {
      action: "license.extended",
      entityType: "LicenseGrant",
      entityId: grant.id,
      organizationId: grant.organizationId,
      before: { endsOn: previousEndsOn, autoRenew: grant.autoRenew },
      after: {
        endsOn, extendedByDays: daysBetween(previousEndsOn, endsOn), reason: input.reason, termDays: grant.termDays,
        autoRenew: wasRenewing ? false : grant.autoRenew, subscriptionCancelled: wasRenewing ? grant.stripeSubscriptionId : null,
      },
    });
    await notifyLicensee(tx, grant.organizationId, {
      title: `License ${grant.licenseNumber} now runs until ${formatDay(lastDayOf({ endsOn }))}`,
      body: `Extended at no charge. Reason: ${input.reason}`,
      mail: (to) => licenseExtendedMail(to, { licenseNumber: grant.licenseNumber, organizationName: grant.organization.name, reason: input.reason, previousEndsOn, endsOn, wasRenewing }),
    });
    return { grantId: grant.id, endsOn };
  });
}
