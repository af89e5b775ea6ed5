// The staff repertoire: both staff roles open the search (with words and filters) and a work's
// page (only ADMIN sees the edit, suspend and merge controls). An unknown work answers 404.
import { STAFF, type PageExpectations, type PageTable } from "./types";

export const STAFF_WORKS_PAGES: PageTable = {
  "/staff/works": ["/staff/works?q=history&status=ENROLLED&type=BOOK", STAFF],
  "/staff/works/[id]": ["/staff/works/2000000000", STAFF],
};

export const STAFF_WORKS_EXPECTATIONS: PageExpectations = {
  notFoundWhenAllowed: ["/staff/works/[id]"],
};
