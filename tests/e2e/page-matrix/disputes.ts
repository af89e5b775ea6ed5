// Disputes: the rightsholder's own, and the staff queue. Unknown ids answer 404.
import { STAFF, type PageExpectations, type PageTable } from "./types";

const UNKNOWN = "00000000-0000-7000-8000-000000000000";

export const DISPUTES_PAGES: PageTable = {
  "/rightsholder/disputes": ["/rightsholder/disputes", ["Rightsholder owner"]],
  "/rightsholder/disputes/[id]": [`/rightsholder/disputes/${UNKNOWN}`, ["Rightsholder owner"]],
  "/staff/disputes": ["/staff/disputes", STAFF],
  "/staff/disputes/[id]": [`/staff/disputes/${UNKNOWN}`, STAFF],
};

export const DISPUTES_EXPECTATIONS: PageExpectations = {
  notFoundWhenAllowed: ["/rightsholder/disputes/[id]", "/staff/disputes/[id]"],
};
