// Subscriptions and refunds: a licensee's members turn auto-renewal on and off for their own
// license; staff read every license; only ADMIN refunds.
import { randomUUID } from "node:crypto";
import { refundLicense } from "@/server/licensing/refund-license";
import { setAutoRenew } from "@/server/licensing/set-auto-renew";
import { getLicenseForStaff, listLicensesForStaff } from "@/server/licensing/staff-licenses.queries";
import { createActiveGrant } from "../../factories/licensing";
import { STAFF, type ActorKey } from "../world";
import type { MatrixEntry } from "./types";

const LICENSEE_MEMBERS: ActorKey[] = ["licenseeOwner", "licenseeMember"];

export const BILLING_MATRIX: Record<string, MatrixEntry> = {
  // Allowed members get past the access check to a conflict (the world's licensee holds no auto-renewing license).
  setAutoRenew: { allowed: LICENSEE_MEMBERS, run: (actor, w) => setAutoRenew(actor, { organizationId: w.licensee.organization.id, enabled: false }) },
  listLicensesForStaff: { allowed: STAFF, run: (actor) => listLicensesForStaff(actor, { q: "AITL" }) },
  getLicenseForStaff: { allowed: STAFF, run: async (actor, w) => getLicenseForStaff(actor, (await createActiveGrant(w.licensee.organization.id)).id) },
  // ADMIN gets past the check to Stripe's refusal (the factory's payment intent is made up): a validation error.
  refundLicense: {
    allowed: ["admin"],
    run: async (actor, w) => {
      const grant = await createActiveGrant(w.licensee.organization.id, { startsOn: new Date().toISOString().slice(0, 10), endsOn: "2099-01-01" });
      return refundLicense(actor, { grantId: grant.id, amount: "1.00", reason: "Access matrix check", effect: "REVOKE", requestKey: randomUUID() });
    },
  },
};

export const BILLING_PUBLIC: Record<string, string> = {};

export const BILLING_INTERNAL = [
  "ensureStripeCustomer", "activatePendingGrant", "notifyLicensee", "applyFirstSubscriptionInvoice", "applyCycleRenewal", "latestGrantOfSubscription",
  "checkoutStep", "invoiceStep", "subscriptionDeletedStep", "chargeRefundedStep", "invoiceSubscriptionId", "invoicePaymentIds",
  "renewalPaymentFailedMail", "autoRenewEndedMail", "refundIssuedMail",
];
