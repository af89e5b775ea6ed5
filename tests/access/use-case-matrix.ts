// Who may call each use case that takes an actor. `allowed` lists the actor keys that must get
// past the access check; every other key must be refused (FORBIDDEN, or NOT_FOUND for another
// organisation's ids). Each domain keeps its entries in tests/access/matrix/<domain>.ts; entries
// aimed at an organisation use the world's licensee or rightsholder, so "otherLicenseeOwner" and
// "otherRightsholderOwner" prove that another organisation is refused.
import { API_KEYS_INTERNAL, API_KEYS_MATRIX, API_KEYS_PUBLIC } from "./matrix/api-keys";
import { BILLING_INTERNAL, BILLING_MATRIX, BILLING_PUBLIC } from "./matrix/billing";
import { COVERAGE_INTERNAL, COVERAGE_MATRIX, COVERAGE_PUBLIC } from "./matrix/coverage";
import { TERMS_INTERNAL, TERMS_MATRIX, TERMS_PUBLIC } from "./matrix/terms";
import { USAGE_INTERNAL, USAGE_MATRIX, USAGE_PUBLIC } from "./matrix/usage";
import { USAGE_QUEUE_INTERNAL, USAGE_QUEUE_MATRIX, USAGE_QUEUE_PUBLIC } from "./matrix/usage-queue";
import { USAGE_REMINDERS_INTERNAL, USAGE_REMINDERS_MATRIX, USAGE_REMINDERS_PUBLIC } from "./matrix/usage-reminders";
import { DISTRIBUTION_INTERNAL, DISTRIBUTION_MATRIX, DISTRIBUTION_PUBLIC } from "./matrix/distribution";
import { SECURITY_INTERNAL, SECURITY_MATRIX, SECURITY_PUBLIC } from "./matrix/security";
import { LOAD_INTERNAL, LOAD_MATRIX, LOAD_PUBLIC } from "./matrix/load";
import { STAFF_WORKS_INTERNAL, STAFF_WORKS_MATRIX, STAFF_WORKS_PUBLIC } from "./matrix/staff-works";
import { STAFF_LICENSES_INTERNAL, STAFF_LICENSES_MATRIX, STAFF_LICENSES_PUBLIC } from "./matrix/staff-licenses";
import { STAFF_OPERATIONS_INTERNAL, STAFF_OPERATIONS_MATRIX, STAFF_OPERATIONS_PUBLIC } from "./matrix/staff-operations";
import { WEBHOOKS_INTERNAL, WEBHOOKS_MATRIX, WEBHOOKS_PUBLIC } from "./matrix/webhooks";
import { STAFF_ORGANIZATIONS_INTERNAL, STAFF_ORGANIZATIONS_MATRIX, STAFF_ORGANIZATIONS_PUBLIC } from "./matrix/staff-organizations";
import { OPENAPI_INTERNAL, OPENAPI_MATRIX, OPENAPI_PUBLIC } from "./matrix/openapi";
import { API_LISTS_INTERNAL, API_LISTS_MATRIX, API_LISTS_PUBLIC } from "./matrix/api-lists";
import { DISTRIBUTION_CONSOLE_INTERNAL, DISTRIBUTION_CONSOLE_MATRIX, DISTRIBUTION_CONSOLE_PUBLIC } from "./matrix/distribution-console";
import { STATEMENTS_INTERNAL, STATEMENTS_MATRIX, STATEMENTS_PUBLIC } from "./matrix/statements";
import { PAYOUTS_INTERNAL, PAYOUTS_MATRIX, PAYOUTS_PUBLIC } from "./matrix/payouts";
import { DISPUTES_INTERNAL, DISPUTES_MATRIX, DISPUTES_PUBLIC } from "./matrix/disputes";
import { FOUNDATION_INTERNAL, FOUNDATION_MATRIX, FOUNDATION_PUBLIC } from "./matrix/foundation";
import { IMPORTS_INTERNAL, IMPORTS_MATRIX, IMPORTS_PUBLIC } from "./matrix/imports";
import { LICENSING_INTERNAL, LICENSING_MATRIX, LICENSING_PUBLIC } from "./matrix/licensing";
import { LICENSEES_INTERNAL, LICENSEES_MATRIX, LICENSEES_PUBLIC } from "./matrix/licensees";
import { NOTIFICATIONS_INTERNAL, NOTIFICATIONS_MATRIX, NOTIFICATIONS_PUBLIC } from "./matrix/notifications";
import { PARTICIPATION_INTERNAL, PARTICIPATION_MATRIX, PARTICIPATION_PUBLIC } from "./matrix/participation";
import { PRICING_INTERNAL, PRICING_MATRIX, PRICING_PUBLIC } from "./matrix/pricing";
import type { MatrixEntry } from "./matrix/types";
import { WORKS_INTERNAL, WORKS_MATRIX, WORKS_PUBLIC } from "./matrix/works";

export type { MatrixEntry };

export const USE_CASE_MATRIX: Record<string, MatrixEntry> = {
  ...FOUNDATION_MATRIX,
  ...WORKS_MATRIX,
  ...DISPUTES_MATRIX,
  ...PARTICIPATION_MATRIX,
  ...API_KEYS_MATRIX,
  ...IMPORTS_MATRIX,
  ...PRICING_MATRIX,
  ...LICENSEES_MATRIX,
  ...LICENSING_MATRIX,
  ...BILLING_MATRIX,
  ...NOTIFICATIONS_MATRIX,
  ...COVERAGE_MATRIX,
  ...USAGE_MATRIX,
  ...TERMS_MATRIX,
  ...USAGE_QUEUE_MATRIX,
  ...USAGE_REMINDERS_MATRIX,
  ...DISTRIBUTION_MATRIX,
  ...PAYOUTS_MATRIX,
  ...STATEMENTS_MATRIX,
  ...DISTRIBUTION_CONSOLE_MATRIX,
  ...API_LISTS_MATRIX,
  ...OPENAPI_MATRIX,
  ...STAFF_ORGANIZATIONS_MATRIX,
  ...WEBHOOKS_MATRIX,
  ...STAFF_OPERATIONS_MATRIX,
  ...STAFF_LICENSES_MATRIX,
  ...STAFF_WORKS_MATRIX,
  ...SECURITY_MATRIX,
  ...LOAD_MATRIX,
};

/**
 * Exported server functions that take no actor, with the reason each is safe. Anything exported
 * from src/server must be in the matrix above or in one of these lists, or the test fails.
 */
export const PUBLIC_USE_CASES: Record<string, string> = {
  ...FOUNDATION_PUBLIC,
  ...WORKS_PUBLIC,
  ...DISPUTES_PUBLIC,
  ...PARTICIPATION_PUBLIC,
  ...API_KEYS_PUBLIC,
  ...IMPORTS_PUBLIC,
  ...PRICING_PUBLIC,
  ...LICENSEES_PUBLIC,
  ...LICENSING_PUBLIC,
  ...BILLING_PUBLIC,
  ...NOTIFICATIONS_PUBLIC,
  ...COVERAGE_PUBLIC,
  ...USAGE_PUBLIC,
  ...TERMS_PUBLIC,
  ...USAGE_QUEUE_PUBLIC,
  ...USAGE_REMINDERS_PUBLIC,
  ...DISTRIBUTION_PUBLIC,
  ...PAYOUTS_PUBLIC,
  ...STATEMENTS_PUBLIC,
  ...DISTRIBUTION_CONSOLE_PUBLIC,
  ...API_LISTS_PUBLIC,
  ...OPENAPI_PUBLIC,
  ...STAFF_ORGANIZATIONS_PUBLIC,
  ...WEBHOOKS_PUBLIC,
  ...STAFF_OPERATIONS_PUBLIC,
  ...STAFF_LICENSES_PUBLIC,
  ...STAFF_WORKS_PUBLIC,
  ...SECURITY_PUBLIC,
  ...LOAD_PUBLIC,
};

/** Building blocks called only from inside use cases, jobs or the request plumbing. */
export const INTERNAL_FUNCTIONS = new Set([
  ...FOUNDATION_INTERNAL,
  ...WORKS_INTERNAL,
  ...DISPUTES_INTERNAL,
  ...PARTICIPATION_INTERNAL,
  ...API_KEYS_INTERNAL,
  ...IMPORTS_INTERNAL,
  ...PRICING_INTERNAL,
  ...LICENSEES_INTERNAL,
  ...LICENSING_INTERNAL,
  ...BILLING_INTERNAL,
  ...NOTIFICATIONS_INTERNAL,
  ...COVERAGE_INTERNAL,
  ...USAGE_INTERNAL,
  ...TERMS_INTERNAL,
  ...USAGE_QUEUE_INTERNAL,
  ...USAGE_REMINDERS_INTERNAL,
  ...DISTRIBUTION_INTERNAL,
  ...PAYOUTS_INTERNAL,
  ...STATEMENTS_INTERNAL,
  ...DISTRIBUTION_CONSOLE_INTERNAL,
  ...API_LISTS_INTERNAL,
  ...OPENAPI_INTERNAL,
  ...STAFF_ORGANIZATIONS_INTERNAL,
  ...WEBHOOKS_INTERNAL,
  ...STAFF_OPERATIONS_INTERNAL,
  ...STAFF_LICENSES_INTERNAL,
  ...STAFF_WORKS_INTERNAL,
  ...SECURITY_INTERNAL,
  ...LOAD_INTERNAL,
]);
