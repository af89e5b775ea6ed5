// Who may open each page. Each area keeps its pages in a file beside this one; page-access.spec.ts
// joins them and checks that every page.tsx under src/app is listed.
import type { DemoRole } from "../helpers";

export type Who = "anonymous" | DemoRole;
export const EVERYONE: Who[] = ["anonymous", "Staff admin", "Staff analyst", "Licensee owner", "Rightsholder owner"];
export const SIGNED_IN: Who[] = EVERYONE.filter((w) => w !== "anonymous");
export const STAFF: Who[] = ["Staff admin", "Staff analyst"];

/** route pattern → [a concrete path to request, who may open it]. Others get sign-in or 403. */
export type PageTable = Record<string, [string, Who[]]>;

/** How an allowed request is answered when it is not a plain 200. */
export type PageExpectations = { notFoundWhenAllowed?: string[]; redirectsWhenAllowed?: string[] };
