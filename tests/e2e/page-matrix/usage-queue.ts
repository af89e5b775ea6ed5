// The staff queue of unmatched usage: both staff roles open the queue and the match page (only
// ADMIN sees the buttons). A key with no open lines still answers 200: the page says it is decided.
import { STAFF, type PageExpectations, type PageTable } from "./types";

const DECIDED_KEY = encodeURIComponent("title:page matrix no such title|");

export const USAGE_QUEUE_PAGES: PageTable = {
  "/staff/usage": ["/staff/usage", STAFF],
  "/staff/usage/match": [`/staff/usage/match?key=${DECIDED_KEY}`, STAFF],
};

export const USAGE_QUEUE_EXPECTATIONS: PageExpectations = {};
