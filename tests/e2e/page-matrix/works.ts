// The works pages of the rightsholder area (work #1 is a seeded Harbour Lane Press work).
import type { PageTable } from "./types";

export const WORKS_PAGES: PageTable = {
  "/rightsholder/works": ["/rightsholder/works", ["Rightsholder owner"]],
  "/rightsholder/works/new": ["/rightsholder/works/new", ["Rightsholder owner"]],
  "/rightsholder/works/[id]": ["/rightsholder/works/1", ["Rightsholder owner"]],
};
