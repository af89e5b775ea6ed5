import "server-only";
import { formatDay } from "@/lib/dates";
import { todayUtc } from "@/lib/works/work-input";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { AppError, notFound, validation } from "../errors";
import { licenseRevokedMail } from "./staff-license-mails";
import { cancelRenewingSubscription } from "./staff-license-subscription";
import { fieldErrorsOf, ZRevokeLicenseInput, type TRevokeLicenseInput } from "./staff-licenses.schema";
import { notifyLicensee } from "./webhook/notify-licensee";

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Staff (ADMIN) revoke an active license with a reason: REVOKED from now, the original end kept
 * for history. Coverage counts up to the day of the revocation and not from it (coverage/
 * license-terms.ts); nothing used before it stops being licensed. No money moves: a refund is its
 * own action, and without one the fee stays recognised over the term as sold (decision 015).
 * A renewing subscription is cancelled in Stripe first (outside the transaction); then one
 * transaction moves the grant, conditional on it being still ACTIVE with the end staff saw, with
 * its audit row and the licensee's notice and mail.
 */
export async function revokeLicense(actor: Actor | null, rawInput: TRevokeLicenseInput): Promise<{ grantId: string; revokedOn: string }> {
  authorize(can.administer(actor), "Only staff administrators revoke licenses.");
  requireUser(actor);
  const parsed = ZRevokeLicenseInput.safeParse(rawInput);
  if (!parsed.success) throw validation("Check the highlighted fields.", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  const grant = await db.licenseGrant.findUnique({
    where: { id: input.grantId },
    select: { id: true, status: true, licenseNumber: true, organizationId: true, startsOn: true, endsOn: true, previousGrantId: true, autoRenew: true, stripeSubscriptionId: true, organization: { select: { name: true } } },
  });
  if (!grant) throw notFound("That license");
  if (grant.status !== "ACTIVE" || !grant.endsOn) {
    throw new AppError("CONFLICT", `License ${grant.licenseNumber} is ${grant.status.toLowerCase().replace("_", " ")}: only an active license is revoked.`);
  }
  if (dayOf(grant.endsOn) !== input.expectedEndsOn) throw new AppError("CONFLICT", `License ${grant.licenseNumber} changed meanwhile. Reload the page and decide again.`);

  const wasRenewing = await cancelRenewingSubscription(grant);
  const revokedAt = new Date();
  const revokedOn = todayUtc(revokedAt);
  // A renewal revoked before it starts lets go of the license it renewed, which can then be renewed again.
  const releases = grant.previousGrantId !== null && grant.startsOn !== null && dayOf(grant.startsOn) > revokedOn;
  return db.$transaction(async (tx) => {
    const moved = await tx.licenseGrant.updateMany({
      where: { id: grant.id, status: "ACTIVE", endsOn: grant.endsOn },
      data: { status: "REVOKED", revokedAt, statusReason: input.reason, autoRenew: false, ...(releases ? { previousGrantId: null } : {}) },
    });
    if (moved.count === 0) throw new AppError("CONFLICT", `License ${grant.licenseNumber} changed meanwhile. Reload the page and decide again.`);
    await writeAudit(tx, actor, {
      action: "license.revoked",
      entityType: "LicenseGrant",
      entityId: grant.id,
      organizationId: grant.organizationId,
      before: { status: "ACTIVE", endsOn: input.expectedEndsOn, autoRenew: grant.autoRenew, ...(releases ? { previousGrantId: grant.previousGrantId } : {}) },
      after: { status: "REVOKED", revokedOn, reason: input.reason, autoRenew: false, subscriptionCancelled: wasRenewing ? grant.stripeSubscriptionId : null, ...(releases ? { previousGrantId: null } : {}) },
    });
    await notifyLicensee(tx, grant.organizationId, {
      title: `License ${grant.licenseNumber} has been revoked`,
      body: `Works used from ${formatDay(revokedOn)} on are not covered. Reason: ${input.reason}`,
      mail: (to) => licenseRevokedMail(to, { licenseNumber: grant.licenseNumber, organizationName: grant.organization.name, reason: input.reason, revokedOn, wasRenewing }),
    });
    return { grantId: grant.id, revokedOn };
  });
}
