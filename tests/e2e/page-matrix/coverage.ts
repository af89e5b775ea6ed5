// Bulk coverage checks: a licensee's members follow their checks; no other role sees the area.
import type { PageExpectations, PageTable } from "./types";

export const COVERAGE_PAGES: PageTable = {
  "/licensee/coverage/checks/[id]": ["/licensee/coverage/checks/00000000-0000-4000-8000-000000000000", ["Licensee owner"]],
};

export const COVERAGE_EXPECTATIONS: PageExpectations = {
  notFoundWhenAllowed: ["/licensee/coverage/checks/[id]"],
};
