// The foundation's pages: public, sign-in and account pages, the areas' overviews, staff basics.
import { EVERYONE, SIGNED_IN, STAFF, type PageExpectations, type PageTable } from "./types";

export const FOUNDATION_PAGES: PageTable = {
  "/": ["/", EVERYONE],
  "/repertoire": ["/repertoire?q=tides", EVERYONE],
  "/verify/[code]": ["/verify/not-a-real-code-at-all", EVERYONE],
  "/pricing": ["/pricing?employees=120&industry=TECHNOLOGY&country=IN", EVERYONE],
  "/terms": ["/terms", EVERYONE],
  "/sign-in": ["/sign-in", EVERYONE],
  "/sign-up": ["/sign-up", EVERYONE],
  "/forgot-password": ["/forgot-password", EVERYONE],
  "/reset-password/[token]": ["/reset-password/not-a-real-token", EVERYONE],
  "/invite/[token]": ["/invite/not-a-real-token", EVERYONE],
  "/home": ["/home", SIGNED_IN],
  "/account": ["/account", SIGNED_IN],
  "/notifications": ["/notifications", SIGNED_IN],
  "/licensee": ["/licensee", ["Licensee owner"]],
  "/licensee/members": ["/licensee/members", ["Licensee owner"]],
  "/licensee/profile": ["/licensee/profile", ["Licensee owner"]],
  "/licensee/coverage": ["/licensee/coverage?identifier=9781900000000&purpose=TRAIN", ["Licensee owner"]],
  "/licensee/license/success": ["/licensee/license/success?session_id=cs_test_unknown", ["Licensee owner"]],
  "/rightsholder": ["/rightsholder", ["Rightsholder owner"]],
  "/rightsholder/members": ["/rightsholder/members", ["Rightsholder owner"]],
  "/staff": ["/staff", STAFF],
  "/staff/outbox": ["/staff/outbox", STAFF],
  "/staff/pricing": ["/staff/pricing", STAFF],
  "/staff/outbox/[id]": ["/staff/outbox/00000000-0000-7000-8000-000000000000", STAFF],
};

export const FOUNDATION_EXPECTATIONS: PageExpectations = {
  notFoundWhenAllowed: ["/staff/outbox/[id]", "/licensee/license/success"],
  redirectsWhenAllowed: ["/home", "/sign-in", "/sign-up"],
};
