// The cursor-paged lists of /api/v1 (their keys and scopes: tests/integration/api-lists.test.ts).
// As use cases they take any actor: a licensee's members and staff read its reports and checks; a
// rightsholder's members and staff read its statements; another organisation is refused.
import { coverageChecksListV1 } from "@/server/api/lists/coverage-checks-list-v1";
import { usageReportsListV1 } from "@/server/api/lists/usage-reports-list-v1";
import { statementsListV1, statementV1 } from "@/server/api/statements/statements-v1";
import { listCoverageChecksPage } from "@/server/coverage/coverage-checks.queries";
import { listUsageReportsPage } from "@/server/usage/usage-reports.queries";
import { uniquePastQuarter } from "../../factories/distribution";
import { createStatementRun } from "../../factories/statements";
import { createWork } from "../../factories/works";
import { STAFF, type ActorKey, type World } from "../world";
import type { MatrixEntry } from "./types";

const LICENSEE_READERS: ActorKey[] = ["licenseeOwner", "licenseeMember", ...STAFF];
const RIGHTSHOLDER_READERS: ActorKey[] = ["rightsholderOwner", "rightsholderMember", ...STAFF];
const none = () => new URLSearchParams();

const statements = new WeakMap<World, Promise<string>>();
function worldStatementId(w: World): Promise<string> {
  if (!statements.has(w)) {
    statements.set(w, (async () => {
      const work = await createWork(w.rightsholder.organization.id, { title: "API list matrix work" });
      const quarter = await uniquePastQuarter();
      const { statements: [statement] } = await createStatementRun({
        quarter: quarter.code,
        statements: [{ rightsholderId: w.rightsholder.organization.id, lines: [{ workId: work.id, allocations: [{ licenseeOrganizationId: w.licensee.organization.id, amountCents: 900n, adminFeeCents: 159n, units: 3n }] }] }],
      });
      return statement!.id;
    })());
  }
  return statements.get(w)!;
}

export const API_LISTS_MATRIX: Record<string, MatrixEntry> = {
  usageReportsListV1: { allowed: LICENSEE_READERS, run: (actor, w) => usageReportsListV1(actor, { organizationId: w.licensee.organization.id, params: none() }) },
  listUsageReportsPage: { allowed: LICENSEE_READERS, run: (actor, w) => listUsageReportsPage(actor, { organizationId: w.licensee.organization.id, limit: 5, after: null }) },
  coverageChecksListV1: { allowed: LICENSEE_READERS, run: (actor, w) => coverageChecksListV1(actor, { organizationId: w.licensee.organization.id, params: none() }) },
  listCoverageChecksPage: { allowed: LICENSEE_READERS, run: (actor, w) => listCoverageChecksPage(actor, { organizationId: w.licensee.organization.id, limit: 5, after: null }) },
  statementsListV1: { allowed: RIGHTSHOLDER_READERS, run: (actor, w) => statementsListV1(actor, { organizationId: w.rightsholder.organization.id, params: none() }) },
  statementV1: { allowed: RIGHTSHOLDER_READERS, run: async (actor, w) => statementV1(actor, { organizationId: w.rightsholder.organization.id, statementId: await worldStatementId(w), params: none() }) },
};

export const API_LISTS_PUBLIC: Record<string, string> = {};

export const API_LISTS_INTERNAL = [
  // the query and cursor plumbing every list shares
  "parseListQuery", "encodeListCursor", "pageOf", "timeCursor",
];
