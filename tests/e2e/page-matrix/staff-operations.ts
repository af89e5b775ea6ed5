// Staff operations: settings and plans, the audit log, the job monitor. Both staff roles open them
// (ADMIN sees the change controls); an unknown job answers 404.
import { STAFF, type PageExpectations, type PageTable } from "./types";

export const STAFF_OPERATIONS_PAGES: PageTable = {
  "/staff/settings": ["/staff/settings", STAFF],
  "/staff/audit": ["/staff/audit?action=license.&from=2026-01-01", STAFF],
  "/staff/jobs": ["/staff/jobs?status=FAILED", STAFF],
  "/staff/jobs/[id]": ["/staff/jobs/00000000-0000-7000-8000-000000000000", STAFF],
};

export const STAFF_OPERATIONS_EXPECTATIONS: PageExpectations = {
  notFoundWhenAllowed: ["/staff/jobs/[id]"],
};
