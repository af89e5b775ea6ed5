// Royalty statements: the rightsholder's members read them in the rightsholder area; no other role
// sees the area (staff read statements through the distribution console). Unknown ids answer 404.
import type { PageExpectations, PageTable } from "./types";

const UNKNOWN = "00000000-0000-7000-8000-000000000000";

export const STATEMENTS_PAGES: PageTable = {
  "/rightsholder/statements": ["/rightsholder/statements", ["Rightsholder owner"]],
  "/rightsholder/statements/[id]": [`/rightsholder/statements/${UNKNOWN}`, ["Rightsholder owner"]],
};

export const STATEMENTS_EXPECTATIONS: PageExpectations = {
  notFoundWhenAllowed: ["/rightsholder/statements/[id]"],
};
