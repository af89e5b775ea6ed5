import "server-only";
import { suggestedRefundCents, refundableCents } from "@/lib/licensing/refund-rules";
import { todayUtc } from "@/lib/works/work-input";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { ZStaffLicensesQuery } from "./refunds.schema";
import { isUuid } from "@/lib/uuid";

// The staff area's view of licenses: every licensee's grants with what was paid and refunded,
// and one grant's payments, refunds and history (its audit rows). Both staff roles read them;
// only ADMIN sees the refund, revoke and extend forms (canRefund, canRevoke, canExtend).

export const STAFF_LICENSES_PAGE_SIZE = 50;
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const sum = (rows: { amountCents: bigint }[]) => rows.reduce((total, r) => total + r.amountCents, 0n);

export async function listLicensesForStaff(actor: Actor | null, rawQuery: { q?: string; page?: string }) {
  authorize(can.readLicenses(actor));
  const { q, page } = ZStaffLicensesQuery.parse(rawQuery);
  const where: Prisma.LicenseGrantWhereInput = q
    ? { OR: [{ licenseNumber: { contains: q, mode: "insensitive" } }, { organization: { name: { contains: q, mode: "insensitive" } } }] }
    : {};
  // Simple pages, newest first, with one extra row to know whether another page follows.
  const rows = await db.licenseGrant.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * STAFF_LICENSES_PAGE_SIZE,
    take: STAFF_LICENSES_PAGE_SIZE + 1,
    select: {
      id: true, licenseNumber: true, status: true, startsOn: true, endsOn: true, feeCents: true, currency: true, autoRenew: true,
      organization: { select: { id: true, name: true } },
      payments: { where: { status: "SUCCEEDED" }, select: { amountCents: true } },
      refunds: { select: { amountCents: true } },
    },
  });
  return {
    q: q ?? "",
    page,
    hasNext: rows.length > STAFF_LICENSES_PAGE_SIZE,
    licenses: rows.slice(0, STAFF_LICENSES_PAGE_SIZE).map((g) => ({
      id: g.id, licenseNumber: g.licenseNumber, status: g.status, startsOn: day(g.startsOn), endsOn: day(g.endsOn), feeCents: g.feeCents,
      currency: g.currency, autoRenew: g.autoRenew, organization: g.organization, paidCents: sum(g.payments), refundedCents: sum(g.refunds),
    })),
  };
}

export async function getLicenseForStaff(actor: Actor | null, grantId: string) {
  authorize(can.readLicenses(actor));
  if (!isUuid(grantId)) throw notFound("That license");
  const grant = await db.licenseGrant.findUnique({
    where: { id: grantId },
    select: {
      id: true, licenseNumber: true, status: true, statusReason: true, startsOn: true, endsOn: true, termDays: true, feeCents: true, currency: true,
      autoRenew: true, stripeSubscriptionId: true, revokedAt: true, createdAt: true, previousGrantId: true,
      nextGrant: { select: { id: true, licenseNumber: true, status: true } },
      organization: { select: { id: true, name: true } },
      plan: { select: { name: true } },
      payments: { orderBy: { createdAt: "asc" }, select: { id: true, amountCents: true, currency: true, status: true, paidAt: true, stripePaymentIntentId: true, stripeInvoiceId: true, isManual: true } },
      refunds: { orderBy: { createdAt: "asc" }, select: { id: true, amountCents: true, effectiveOn: true, reason: true, stripeRefundId: true, createdAt: true, createdById: true } },
    },
  });
  if (!grant) throw notFound("That license");
  const [history, people] = await Promise.all([
    db.auditLog.findMany({ where: { entityType: "LicenseGrant", entityId: grant.id }, orderBy: { at: "asc" }, take: 200, select: { id: true, at: true, action: true, actorKind: true, actorUserId: true, after: true } }),
    db.user.findMany({ where: { id: { in: grant.refunds.map((r) => r.createdById).filter((id): id is string => id !== null) } }, select: { id: true, name: true } }),
  ]);
  const authors = await db.user.findMany({ where: { id: { in: history.map((h) => h.actorUserId).filter((id): id is string => id !== null) } }, select: { id: true, name: true } });
  const nameOf = new Map([...people, ...authors].map((u) => [u.id, u.name]));
  const paidCents = sum(grant.payments.filter((p) => p.status === "SUCCEEDED"));
  const refundedCents = sum(grant.refunds);
  const today = todayUtc();
  const startsOn = day(grant.startsOn);
  const isRefundable = grant.status === "ACTIVE" && startsOn !== null && grant.endsOn !== null;
  // A license granted by hand keeps its invoice and reasons in its audit row (the payment is "manual").
  const granted = history.find((h) => h.action === "license.granted_manually")?.after as Record<string, string | null> | undefined;
  const isChangeable = grant.status === "ACTIVE" && grant.endsOn !== null;
  return {
    ...grant,
    startsOn,
    endsOn: day(grant.endsOn),
    paidCents,
    refundedCents,
    refundableCents: refundableCents({ paidCents, refundedCents }),
    today,
    /** The unused part of the term if revoked today: the form's first suggestion. */
    suggestedRevokeCents: isRefundable ? suggestedRefundCents({ paidCents, refundedCents, startsOn, termDays: grant.termDays ?? 0, coverageEndsOn: today }) : 0n,
    refunds: grant.refunds.map((r) => ({ ...r, effectiveOn: day(r.effectiveOn)!, createdByName: r.createdById ? (nameOf.get(r.createdById) ?? "Staff") : null })),
    history: history.map((h) => ({ id: h.id.toString(), at: h.at, action: h.action, who: h.actorUserId ? (nameOf.get(h.actorUserId) ?? h.actorKind) : h.actorKind === "system" ? "Stripe / scheduled job" : h.actorKind, after: h.after })),
    isRefundable,
    canRefund: can.refundLicense(actor) && isRefundable,
    manualGrant: granted
      ? { invoiceReference: granted.invoiceReference ?? "", reason: granted.reason ?? "", feeOverrideReason: granted.feeOverrideReason ?? null, scheduleFeeCents: granted.scheduleFeeCents ? BigInt(granted.scheduleFeeCents) : null }
      : null,
    isChangeable,
    canRevoke: can.administer(actor) && isChangeable,
    canExtend: can.administer(actor) && isChangeable,
  };
}

export type StaffLicenseView = Awaited<ReturnType<typeof getLicenseForStaff>>;
