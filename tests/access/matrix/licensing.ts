// Licensing: any member of a licensee buys its license and reads it; staff read every licensee's.
import { checkCoverage } from "@/server/coverage/check-coverage";
import { db } from "@/server/db";
import { getCheckoutOutcome, getLicenseOverview } from "@/server/licensing/grants.queries";
import { exportLicensedSources } from "@/server/licensing/export-licensed-sources";
import { licenseCertificatePdf, licenseReceiptPdf } from "@/server/licensing/license-documents";
import { startCheckout } from "@/server/licensing/start-checkout";
import { createActiveGrant } from "../../factories/licensing";
import { ensureLicensePlan } from "../../factories/pricing";
import { STAFF, type ActorKey, type World } from "../world";
import type { MatrixEntry } from "./types";

const LICENSEE_MEMBERS: ActorKey[] = ["licenseeOwner", "licenseeMember"];

/** A pending grant of the world's licensee with a (made-up) Checkout Session id. */
async function pendingGrantSession(w: World): Promise<string> {
  const plan = await ensureLicensePlan();
  const schedule = await db.priceSchedule.findFirstOrThrow({ where: { planId: plan.id }, orderBy: { effectiveFrom: "asc" } });
  const sessionId = `cs_test_matrix${Math.random().toString(36).slice(2)}`;
  await db.licenseGrant.create({
    data: {
      licenseNumber: `AITL-MATRIX-${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
      verificationCode: Math.random().toString(36).slice(2),
      organizationId: w.licensee.organization.id, planId: plan.id, priceScheduleId: schedule.id, feeCents: 100n,
      quotedEmployeeCount: 5, quotedIndustryGroup: "OTHER", quotedCountry: "US", stripeCheckoutSessionId: sessionId,
    },
  });
  return sessionId;
}

export const LICENSING_MATRIX: Record<string, MatrixEntry> = {
  // Allowed members get past the access check to a validation error (the world's profile is empty).
  startCheckout: { allowed: LICENSEE_MEMBERS, run: (actor, w) => startCheckout(actor, { organizationId: w.licensee.organization.id }) },
  getLicenseOverview: { allowed: [...LICENSEE_MEMBERS, ...STAFF], run: (actor, w) => getLicenseOverview(actor, w.licensee.organization.id) },
  exportLicensedSources: {
    allowed: [...LICENSEE_MEMBERS, ...STAFF],
    run: async (actor, w) => {
      await createActiveGrant(w.licensee.organization.id);
      return exportLicensedSources(actor, w.licensee.organization.id);
    },
  },
  licenseCertificatePdf: {
    allowed: [...LICENSEE_MEMBERS, ...STAFF],
    run: async (actor, w) => licenseCertificatePdf(actor, { organizationId: w.licensee.organization.id, grantId: (await createActiveGrant(w.licensee.organization.id)).id }),
  },
  licenseReceiptPdf: {
    allowed: [...LICENSEE_MEMBERS, ...STAFF],
    run: async (actor, w) => licenseReceiptPdf(actor, { organizationId: w.licensee.organization.id, grantId: (await createActiveGrant(w.licensee.organization.id)).id }),
  },
  checkCoverage: {
    allowed: [...LICENSEE_MEMBERS, ...STAFF],
    run: (actor, w) => checkCoverage(actor, { organizationId: w.licensee.organization.id, identifier: "978-0-306-40615-7", purpose: "TRAIN", date: "2026-06-01" }),
  },
  getCheckoutOutcome: { allowed: [...LICENSEE_MEMBERS, ...STAFF], run: async (actor, w) => getCheckoutOutcome(actor, w.licensee.organization.id, await pendingGrantSession(w)) },
};

export const LICENSING_PUBLIC: Record<string, string> = {
  searchPublicRepertoire: "the public repertoire search: titles and identifiers of works in the repertoire today, nobody's private details",
  verifyLicense: "the public verification page of a certificate: only what the certificate itself states, by its random code",
  handleStripeWebhook: "Stripe's webhook: no actor; the signature on the raw body is checked first, and only listed event types are taken",
};

export const LICENSING_INTERNAL = ["verificationUrl", "licenseDocumentResponse", "renewalReminderMail", "licenseExpiredMail", "runLicenseLifecycle", "newLicenseNumber", "newVerificationCode", "licenseReceiptMail", "paymentFailedMail", "stripeWebhookSecret"];
