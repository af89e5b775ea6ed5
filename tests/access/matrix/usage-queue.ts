// The staff queue of unmatched usage: both staff roles read it and search the repertoire for the
// work a line means; only ADMIN matches or rejects (ANALYST changes nothing). Licensees, their
// keys and rightsholders never see it: it names every licensee's usage.
import { randomUUID } from "node:crypto";
import { getUsageQueueGroup } from "@/server/usage/get-usage-queue-group";
import { listUsageQueue } from "@/server/usage/list-usage-queue";
import { matchUsageLines } from "@/server/usage/match-usage-lines";
import { rejectUsageLines } from "@/server/usage/reject-usage-lines";
import { searchWorksForMatch } from "@/server/usage/search-works-for-match";
import { createWork } from "../../factories/works";
import { STAFF } from "../world";
import type { MatrixEntry } from "./types";

/** A key no line has: an allowed admin gets past the access check to "no open lines left". */
const unusedKey = () => `title:matrix ${randomUUID()}|2020`;

export const USAGE_QUEUE_MATRIX: Record<string, MatrixEntry> = {
  listUsageQueue: { allowed: STAFF, run: (actor) => listUsageQueue(actor, {}) },
  getUsageQueueGroup: { allowed: STAFF, run: (actor) => getUsageQueueGroup(actor, unusedKey()) },
  searchWorksForMatch: { allowed: STAFF, run: (actor) => searchWorksForMatch(actor, { q: "harbour" }) },
  matchUsageLines: {
    allowed: ["admin"],
    run: async (actor, w) => matchUsageLines(actor, { keys: [unusedKey()], workId: (await createWork(w.rightsholder.organization.id)).id }),
  },
  rejectUsageLines: { allowed: ["admin"], run: (actor) => rejectUsageLines(actor, { keys: [unusedKey()], reason: "Not a work of the repertoire" }) },
};

export const USAGE_QUEUE_PUBLIC: Record<string, string> = {};

export const USAGE_QUEUE_INTERNAL = [
  // called inside matchUsageLines and rejectUsageLines, in their transaction, after the access check
  "decideUsageKeys",
  // read-model helpers of the queue's use cases, after their access check
  "loadWorksForMatch", "candidateWorksFor", "titleYearKey", "containsPattern",
];
