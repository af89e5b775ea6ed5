// The staff distribution console: both staff roles open the runs list and a run (ADMIN sees the
// create, approve and recalculate controls). An unknown run answers 404.
import { STAFF, type PageExpectations, type PageTable } from "./types";

export const DISTRIBUTION_PAGES: PageTable = {
  "/staff/distributions": ["/staff/distributions", STAFF],
  "/staff/distributions/[id]": ["/staff/distributions/00000000-0000-7000-8000-000000000000", STAFF],
};

export const DISTRIBUTION_EXPECTATIONS: PageExpectations = {
  notFoundWhenAllowed: ["/staff/distributions/[id]"],
};
