// Licenses in the staff area: the list and one grant (with the refund form for ADMIN). Unknown ids answer 404.
import { STAFF, type PageExpectations, type PageTable } from "./types";

export const BILLING_PAGES: PageTable = {
  "/staff/licenses": ["/staff/licenses?q=AITL", STAFF],
  "/staff/licenses/[id]": ["/staff/licenses/00000000-0000-7000-8000-000000000000", STAFF],
};

export const BILLING_EXPECTATIONS: PageExpectations = {
  notFoundWhenAllowed: ["/staff/licenses/[id]"],
};
