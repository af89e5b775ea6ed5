// Staff changes to licenses (grant by hand, revoke, extend): ADMIN only; ANALYST reads and changes
// nothing; every organisation role is refused. The grant form's reads and the dashboard's figures:
// both staff roles. An allowed admin grants to the world's licensee, whose profile is not complete,
// so the grant is refused on its fields (past the access check) and nothing is written.
import { todayUtc } from "@/lib/works/work-input";
import { extendLicense } from "@/server/licensing/staff-extend-license";
import { grantLicenseManually } from "@/server/licensing/staff-grant-license";
import { getManualGrantDraft, searchLicenseesForManualGrant } from "@/server/licensing/staff-manual-grant.queries";
import { revokeLicense } from "@/server/licensing/staff-revoke-license";
import { getLicensesByIndustry } from "@/server/staff/dashboard.queries";
import { getRevenueByQuarter } from "@/server/staff/revenue-by-quarter.queries";
import { getWorksEnrolled } from "@/server/staff/works-enrolled.queries";
import { createActiveGrant } from "../../factories/licensing";
import { STAFF } from "../world";
import type { MatrixEntry } from "./types";

const REASON = "Access matrix check";

export const STAFF_LICENSES_MATRIX: Record<string, MatrixEntry> = {
  grantLicenseManually: {
    allowed: ["admin"],
    run: (actor, w) => grantLicenseManually(actor, {
      organizationId: w.licensee.organization.id, startsOn: todayUtc(), termMonths: "12", quotedFeeCents: "0", invoiceReference: "INV-MATRIX", reason: REASON,
    }),
  },
  revokeLicense: {
    allowed: ["admin"],
    run: async (actor, w) => revokeLicense(actor, { grantId: (await createActiveGrant(w.licensee.organization.id, { startsOn: "2026-02-01", endsOn: "2027-02-01" })).id, expectedEndsOn: "2027-02-01", reason: REASON }),
  },
  extendLicense: {
    allowed: ["admin"],
    run: async (actor, w) => extendLicense(actor, {
      grantId: (await createActiveGrant(w.licensee.organization.id, { startsOn: "2026-03-01", endsOn: "2027-03-01" })).id, expectedEndsOn: "2027-03-01", mode: "DAYS", days: "10", reason: REASON,
    }),
  },
  getManualGrantDraft: { allowed: STAFF, run: (actor, w) => getManualGrantDraft(actor, w.licensee.organization.id) },
  searchLicenseesForManualGrant: { allowed: STAFF, run: (actor) => searchLicenseesForManualGrant(actor, { q: "licensee" }) },
  getRevenueByQuarter: { allowed: STAFF, run: (actor) => getRevenueByQuarter(actor) },
  getWorksEnrolled: { allowed: STAFF, run: (actor) => getWorksEnrolled(actor) },
  getLicensesByIndustry: { allowed: STAFF, run: (actor) => getLicensesByIndustry(actor) },
};

export const STAFF_LICENSES_PUBLIC: Record<string, string> = {};

export const STAFF_LICENSES_INTERNAL = [
  // steps of the use cases above, after their access check
  "manualGrantContext", "overlappingGrant", "cancelRenewingSubscription",
  // mails written inside revokeLicense and extendLicense
  "licenseRevokedMail", "licenseExtendedMail",
];
