import "server-only";
import Stripe from "stripe";
import type { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { formatDay } from "@/lib/dates";
import { lastDayOf, termFrom, type Term } from "@/lib/licensing/term";
import { formatCents } from "@/lib/pricing/price-license";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db, type Tx } from "../db";
import { AppError, validation, type FieldErrors } from "../errors";
import { stripeClient } from "../stripe/client";
import { newLicenseNumber, newVerificationCode } from "./grant-codes";
import { licenseReceiptMail } from "./license-mails";
import { manualGrantContext, overlappingGrant, type HeldGrant } from "./staff-manual-grant-context";
import { getManualGrantDraft } from "./staff-manual-grant.queries";
import { fieldErrorsOf, ZGrantLicenseManuallyInput, type TGrantLicenseManuallyInput } from "./staff-licenses.schema";
import { notifyLicensee } from "./webhook/notify-licensee";

const at = (day: string) => new Date(`${day}T00:00:00Z`);
const CHANGED = "This organisation's licenses changed meanwhile (a payment or another grant). Reload the page and check again.";

/**
 * Staff (ADMIN) grant a license by hand to an invoiced customer whose payment arrived outside
 * Stripe: an ACTIVE grant (license number and verification code as every grant has) with a manual
 * Payment, SUCCEEDED, for the fee by the price schedule in force today (as the checkout prices
 * it), or an agreed fee typed with its reason. Revenue recognition reads the grant as it reads a
 * paid checkout's (decision 015), so the fee is recognised over the term and distributed as
 * royalties from the quarters it covers. The term starts today or, to renew the license held, on
 * its end (staff-manual-grant-context.ts); it never overlaps a license held. A checkout left
 * pending gives way; one a member may still be paying holds the grant back. One transaction, with
 * the organisation's row locked so two grants cannot both pass the checks, writes the grant, the
 * payment, the audit rows and the licensee's receipt.
 */
export async function grantLicenseManually(actor: Actor | null, rawInput: TGrantLicenseManuallyInput): Promise<{ grantId: string; licenseNumber: string }> {
  authorize(can.administer(actor), "Only staff administrators grant licenses by hand.");
  const staff = requireUser(actor);
  const parsed = ZGrantLicenseManuallyInput.safeParse(rawInput);
  if (!parsed.success) throw validation("Check the highlighted fields.", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  const draft = await getManualGrantDraft(actor, input.organizationId);
  const { today } = draft;
  const errors: FieldErrors = {};
  if (draft.problems.length > 0) errors.organizationId = draft.problems;
  if ((draft.scheduleFeeCents ?? 0n) !== input.quotedFeeCents) throw new AppError("CONFLICT", "The price changed since the form was shown (a new price schedule is in force). Reload the page and check the fee.");
  if (draft.scheduleFeeCents === null && input.feeOverride === null && draft.problems.length === 0) {
    errors.feeOverride = [`The price schedule gives no fee for this organisation${draft.quoteProblem ? ` (${draft.quoteProblem})` : ""}: enter the agreed fee.`];
  }
  const planMonths = draft.plan?.termMonths ?? 12;
  if (draft.scheduleFeeCents !== null && input.feeOverride === null && input.termMonths !== planMonths) {
    errors.feeOverride = [`The schedule's fee is for ${planMonths} months: enter the agreed fee for ${input.termMonths}.`];
  }
  const term = termFrom(input.startsOn, input.termMonths);
  const startProblem = startDayProblem(term, today, draft.held, draft.renewable);
  if (startProblem) errors.startsOn = [startProblem];
  if (Object.keys(errors).length > 0) throw validation("Check the highlighted fields.", errors);
  const renews = draft.renewable && draft.renewable.endsOn === term.startsOn ? draft.renewable : null;
  if (renews?.autoRenew && renews.stripeSubscriptionId) {
    throw new AppError("CONFLICT", `License ${renews.licenseNumber} renews automatically on ${formatDay(renews.endsOn)} by its yearly subscription: an invoiced renewal would charge the customer twice. Ask the licensee to turn auto-renewal off first.`);
  }
  const pending = (await manualGrantContext(db, input.organizationId, today)).pending;
  await refuseWhileCheckoutOpen(pending);

  const feeCents = input.feeOverride ?? draft.scheduleFeeCents!;
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction((tx) => writeGrant(tx, actor, { ...input, draft, term, feeCents, renewsId: renews?.id ?? null, pendingIds: pending.map((p) => p.id), staffUserId: staff.userId }));
    } catch (error) {
      // A license number already taken (1 in 10⁹ a year), or a renewal written meanwhile: the next attempt draws another number or finds the overlap.
      if (attempt < 2 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
}

function startDayProblem(term: Term, today: string, held: HeldGrant[], renewable: HeldGrant | null): string | null {
  if (term.startsOn < today) return "Not before today: a backdated license would change usage already reported, and quarters already distributed.";
  const overlap = overlappingGrant(held, term);
  if (overlap) {
    return overlap.id === renewable?.id
      ? `License ${overlap.licenseNumber} covers up to ${formatDay(lastDayOf(overlap))}: start on ${formatDay(overlap.endsOn)} to renew it.`
      : `License ${overlap.licenseNumber} covers ${formatDay(overlap.startsOn)} – ${formatDay(lastDayOf(overlap))}: the two would overlap.`;
  }
  if (term.startsOn !== today && term.startsOn !== renewable?.endsOn) {
    return renewable ? `Start today, or on ${formatDay(renewable.endsOn)} to renew license ${renewable.licenseNumber}.` : "Start today: a later start is only for renewing the license the organisation holds.";
  }
  return null;
}

/** A checkout a member may still pay (open, or a transfer on its way) would become a second license. */
async function refuseWhileCheckoutOpen(pending: { licenseNumber: string; sessionId: string | null }[]): Promise<void> {
  for (const grant of pending) {
    if (!grant.sessionId) continue;
    let session: Stripe.Checkout.Session;
    try {
      session = await stripeClient().checkout.sessions.retrieve(grant.sessionId);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeError && error.code === "resource_missing") continue;
      throw error;
    }
    if (session.status === "open") {
      throw new AppError("CONFLICT", `A member is paying for license ${grant.licenseNumber} online; that checkout stays open until ${new Date(session.expires_at * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC. Grant by hand after it has expired, or let them finish paying.`);
    }
    if (session.status === "complete") throw new AppError("CONFLICT", `License ${grant.licenseNumber} was paid online and the payment is being confirmed: it becomes active when it clears.`);
  }
}

type GrantPlan = z.output<typeof ZGrantLicenseManuallyInput> & {
  draft: Awaited<ReturnType<typeof getManualGrantDraft>>; term: Term; feeCents: bigint; renewsId: string | null; pendingIds: string[]; staffUserId: string;
};

async function writeGrant(tx: Tx, actor: Actor | null, p: GrantPlan): Promise<{ grantId: string; licenseNumber: string }> {
  const { draft, term } = p;
  const organizationId = draft.organization.id;
  // Two staff granting at once, or a webhook activating a checkout: the second waits here, then sees the first.
  await tx.$queryRaw`SELECT id FROM organizations WHERE id = ${organizationId}::uuid FOR UPDATE`;
  const cancelled = await tx.licenseGrant.updateMany({
    where: { id: { in: p.pendingIds }, status: "PENDING_PAYMENT" },
    data: { status: "CANCELLED", cancelledAt: new Date(), statusReason: `Replaced by a license granted by staff (invoice ${p.invoiceReference}).`, previousGrantId: null },
  });
  const now = await manualGrantContext(tx, organizationId, draft.today);
  if (now.pending.length > 0 || overlappingGrant(now.active, term) || (p.renewsId !== null && now.renewable?.id !== p.renewsId)) throw new AppError("CONFLICT", CHANGED);
  // The renewal chain has room for one next grant: a failed attempt lets go of it (as start-checkout.ts does).
  if (p.renewsId) await tx.licenseGrant.updateMany({ where: { previousGrantId: p.renewsId, status: "CANCELLED" }, data: { previousGrantId: null } });
  const isLinkFree = p.renewsId !== null && (await tx.licenseGrant.count({ where: { previousGrantId: p.renewsId } })) === 0;
  const profile = await tx.licenseeProfile.findUniqueOrThrow({ where: { organizationId }, select: { employeeCount: true, industryGroup: true, country: true } });
  const grant = await tx.licenseGrant.create({
    data: {
      licenseNumber: newLicenseNumber(Number(draft.today.slice(0, 4))),
      verificationCode: newVerificationCode(),
      organizationId, planId: draft.plan!.id, priceScheduleId: draft.schedule!.id, status: "ACTIVE", feeCents: p.feeCents, currency: draft.schedule!.currency,
      quotedEmployeeCount: profile.employeeCount!, quotedIndustryGroup: profile.industryGroup!, quotedCountry: profile.country!,
      startsOn: at(term.startsOn), endsOn: at(term.endsOn), termDays: term.termDays, previousGrantId: isLinkFree ? p.renewsId : null, activatedAt: new Date(), createdById: p.staffUserId,
      payments: { create: { organizationId, amountCents: p.feeCents, currency: draft.schedule!.currency, status: "SUCCEEDED", isManual: true, paidAt: new Date() } },
    },
    select: { id: true, licenseNumber: true, currency: true },
  });
  for (const id of cancelled.count > 0 ? p.pendingIds : []) {
    await writeAudit(tx, actor, { action: "license.checkout_replaced", entityType: "LicenseGrant", entityId: id, organizationId, before: { status: "PENDING_PAYMENT" }, after: { status: "CANCELLED", replacedBy: grant.id } });
  }
  await writeAudit(tx, actor, {
    action: "license.granted_manually",
    entityType: "LicenseGrant",
    entityId: grant.id,
    organizationId,
    after: {
      status: "ACTIVE", licenseNumber: grant.licenseNumber, ...term, termMonths: p.termMonths, feeCents: p.feeCents, scheduleFeeCents: draft.scheduleFeeCents,
      priceScheduleId: draft.schedule!.id, feeOverrideReason: p.feeOverride === null ? null : p.feeOverrideReason, invoiceReference: p.invoiceReference,
      reason: p.reason, previousGrantId: p.renewsId, payment: "manual",
    },
  });
  const months = `${p.termMonths} month${p.termMonths === 1 ? "" : "s"}`;
  await notifyLicensee(tx, organizationId, {
    title: `License ${grant.licenseNumber} is active`,
    body: `Invoice ${p.invoiceReference} (${formatCents(p.feeCents, grant.currency)}): the repertoire is covered from ${formatDay(term.startsOn)} for ${months}.`,
    mail: (to) => licenseReceiptMail(to, { licenseNumber: grant.licenseNumber, organizationName: draft.organization.name, feeCents: p.feeCents, currency: grant.currency, ...term }),
  });
  return { grantId: grant.id, licenseNumber: grant.licenseNumber };
}
