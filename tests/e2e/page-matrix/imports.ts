// Works imports: a rightsholder's members upload files and follow them; no other role sees the area.
import type { PageExpectations, PageTable } from "./types";

export const IMPORTS_PAGES: PageTable = {
  "/rightsholder/imports": ["/rightsholder/imports", ["Rightsholder owner"]],
  "/rightsholder/imports/[id]": ["/rightsholder/imports/00000000-0000-4000-8000-000000000000", ["Rightsholder owner"]],
};

export const IMPORTS_EXPECTATIONS: PageExpectations = {
  notFoundWhenAllowed: ["/rightsholder/imports/[id]"],
};
