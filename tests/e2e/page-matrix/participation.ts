// Participation (rightsholder) and the staff review queue. Unknown ids answer 404.
import { STAFF, type PageExpectations, type PageTable } from "./types";

export const PARTICIPATION_PAGES: PageTable = {
  "/rightsholder/participation": ["/rightsholder/participation", ["Rightsholder owner"]],
  "/staff/rightsholders": ["/staff/rightsholders", STAFF],
  "/staff/rightsholders/[id]": ["/staff/rightsholders/00000000-0000-7000-8000-000000000000", STAFF],
};

export const PARTICIPATION_EXPECTATIONS: PageExpectations = {
  notFoundWhenAllowed: ["/staff/rightsholders/[id]"],
};
