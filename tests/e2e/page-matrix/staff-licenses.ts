// Granting a license by hand: ADMIN only (ANALYST reads licenses but changes nothing, so gets 403).
// The licenses list, one license and the dashboard are in billing.ts and foundation.ts.
import type { PageExpectations, PageTable } from "./types";

export const STAFF_LICENSES_PAGES: PageTable = {
  "/staff/licenses/new": ["/staff/licenses/new?q=licensee", ["Staff admin"]],
};

export const STAFF_LICENSES_EXPECTATIONS: PageExpectations = {};
