// Usage reports: a licensee's members report and read them; no other role sees the area.
import type { PageExpectations, PageTable } from "./types";

export const USAGE_PAGES: PageTable = {
  "/licensee/usage": ["/licensee/usage", ["Licensee owner"]],
  "/licensee/usage/[id]": ["/licensee/usage/00000000-0000-4000-8000-000000000000", ["Licensee owner"]],
};

export const USAGE_EXPECTATIONS: PageExpectations = {
  notFoundWhenAllowed: ["/licensee/usage/[id]"],
};
