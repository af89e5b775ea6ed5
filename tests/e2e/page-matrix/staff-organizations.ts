// The staff organisations area: both staff roles open the list and one organisation's tabs (only
// ADMIN sees the account controls). An unknown organisation id answers 404 to staff.
import { STAFF, type PageExpectations, type PageTable } from "./types";

export const STAFF_ORGANIZATIONS_PAGES: PageTable = {
  "/staff/organizations": ["/staff/organizations?q=northwind&kind=LICENSEE&state=ACTIVE", STAFF],
  "/staff/organizations/[id]": ["/staff/organizations/00000000-0000-7000-8000-000000000000?tab=members", STAFF],
};

export const STAFF_ORGANIZATIONS_EXPECTATIONS: PageExpectations = {
  notFoundWhenAllowed: ["/staff/organizations/[id]"],
};
