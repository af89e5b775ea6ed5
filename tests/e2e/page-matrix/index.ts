// The page access matrix's tables joined in one place: who may open each page, and how an allowed
// request is answered when it is not a plain 200. Read by page-access.spec.ts (the plain requests)
// and page-access-variants.spec.ts (the same requests with headers that once bypassed middleware).
import { API_KEYS_EXPECTATIONS, API_KEYS_PAGES } from "./api-keys";
import { BILLING_EXPECTATIONS, BILLING_PAGES } from "./billing";
import { COVERAGE_EXPECTATIONS, COVERAGE_PAGES } from "./coverage";
import { USAGE_EXPECTATIONS, USAGE_PAGES } from "./usage";
import { USAGE_QUEUE_EXPECTATIONS, USAGE_QUEUE_PAGES } from "./usage-queue";
import { DISPUTES_EXPECTATIONS, DISPUTES_PAGES } from "./disputes";
import { FOUNDATION_EXPECTATIONS, FOUNDATION_PAGES } from "./foundation";
import { IMPORTS_EXPECTATIONS, IMPORTS_PAGES } from "./imports";
import { PARTICIPATION_EXPECTATIONS, PARTICIPATION_PAGES } from "./participation";
import { STAFF_WORKS_EXPECTATIONS, STAFF_WORKS_PAGES } from "./staff-works";
import { STAFF_LICENSES_EXPECTATIONS, STAFF_LICENSES_PAGES } from "./staff-licenses";
import { STAFF_OPERATIONS_EXPECTATIONS, STAFF_OPERATIONS_PAGES } from "./staff-operations";
import { WEBHOOKS_EXPECTATIONS, WEBHOOKS_PAGES } from "./webhooks";
import { STAFF_ORGANIZATIONS_EXPECTATIONS, STAFF_ORGANIZATIONS_PAGES } from "./staff-organizations";
import { OPENAPI_PAGES } from "./openapi";
import { DISTRIBUTION_EXPECTATIONS, DISTRIBUTION_PAGES } from "./distribution";
import { STATEMENTS_EXPECTATIONS, STATEMENTS_PAGES } from "./statements";
import type { PageExpectations, PageTable } from "./types";
import { WORKS_PAGES } from "./works";

export const PAGES: PageTable = {
  ...FOUNDATION_PAGES,
  ...API_KEYS_PAGES,
  ...WORKS_PAGES,
  ...DISPUTES_PAGES,
  ...PARTICIPATION_PAGES,
  ...IMPORTS_PAGES,
  ...BILLING_PAGES,
  ...COVERAGE_PAGES,
  ...USAGE_QUEUE_PAGES,
  ...USAGE_PAGES,
  ...STATEMENTS_PAGES,
  ...DISTRIBUTION_PAGES,
  ...OPENAPI_PAGES,
  ...STAFF_ORGANIZATIONS_PAGES,
  ...WEBHOOKS_PAGES,
  ...STAFF_OPERATIONS_PAGES,
  ...STAFF_LICENSES_PAGES,
  ...STAFF_WORKS_PAGES,
};

export const EXPECTATIONS: PageExpectations[] = [FOUNDATION_EXPECTATIONS, API_KEYS_EXPECTATIONS, DISPUTES_EXPECTATIONS, PARTICIPATION_EXPECTATIONS, IMPORTS_EXPECTATIONS, BILLING_EXPECTATIONS, COVERAGE_EXPECTATIONS, USAGE_EXPECTATIONS, USAGE_QUEUE_EXPECTATIONS, STATEMENTS_EXPECTATIONS, DISTRIBUTION_EXPECTATIONS, STAFF_ORGANIZATIONS_EXPECTATIONS, WEBHOOKS_EXPECTATIONS, STAFF_OPERATIONS_EXPECTATIONS, STAFF_LICENSES_EXPECTATIONS, STAFF_WORKS_EXPECTATIONS];
/** Pages that answer 404 for an unknown id even when allowed; pages that redirect when allowed. */
export const NOT_FOUND_WHEN_ALLOWED = new Set(EXPECTATIONS.flatMap((e) => e.notFoundWhenAllowed ?? []));
export const REDIRECTS_WHEN_ALLOWED = new Set(EXPECTATIONS.flatMap((e) => e.redirectsWhenAllowed ?? []));
