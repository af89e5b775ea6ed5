// Royalty statements: the rightsholder's members read them (staff too, read-only); its owners
// dispute a line; ADMIN decides statement-line disputes. Another rightsholder's ids are not found.
import { db } from "@/server/db";
import { projectedPayout } from "@/server/statements/projected-payout";
import { raiseStatementDispute } from "@/server/statements/raise-statement-dispute";
import { resolveStatementDispute } from "@/server/statements/resolve-statement-dispute";
import { statementCsv } from "@/server/statements/statement-csv";
import { getStatementDisputeForStaff } from "@/server/statements/statement-disputes.queries";
import { statementPdf } from "@/server/statements/statement-pdf";
import { getStatement, listStatements, loadVisibleStatement, statementCharts } from "@/server/statements/statements.queries";
import { uniquePastQuarter } from "../../factories/distribution";
import { createStatementRun } from "../../factories/statements";
import { createWork } from "../../factories/works";
import { STAFF, type ActorKey, type World } from "../world";
import type { MatrixEntry } from "./types";

const READERS: ActorKey[] = ["rightsholderOwner", "rightsholderMember", ...STAFF];

const statements = new WeakMap<World, ReturnType<typeof approvedStatement>>();

/** One approved statement of the world's rightsholder with one line, made once per world. */
async function approvedStatement(w: World) {
  const work = await createWork(w.rightsholder.organization.id, { title: "Matrix statement work" });
  const quarter = await uniquePastQuarter();
  const { statements: [statement] } = await createStatementRun({
    quarter: quarter.code,
    statements: [{ rightsholderId: w.rightsholder.organization.id, lines: [{ workId: work.id, allocations: [{ licenseeOrganizationId: w.licensee.organization.id, amountCents: 1_000n, adminFeeCents: 176n, units: 5n }] }] }],
  });
  return { statementId: statement!.id, lineId: statement!.lines[0]!.id, workId: work.id };
}

function worldStatement(w: World) {
  if (!statements.has(w)) statements.set(w, approvedStatement(w));
  return statements.get(w)!;
}

/** A fresh open dispute on the world statement's line, made directly. */
async function openLineDispute(w: World): Promise<string> {
  const { lineId, workId } = await worldStatement(w);
  const dispute = await db.dispute.create({ data: { origin: "STATEMENT_LINE", workId, claimantOrgId: w.rightsholder.organization.id, statementLineId: lineId, reason: "Matrix check: the units look wrong." } });
  return dispute.id;
}

export const STATEMENTS_MATRIX: Record<string, MatrixEntry> = {
  listStatements: { allowed: READERS, run: (actor, w) => listStatements(actor, w.rightsholder.organization.id) },
  statementCharts: { allowed: READERS, run: (actor, w) => statementCharts(actor, w.rightsholder.organization.id) },
  projectedPayout: { allowed: READERS, run: (actor, w) => projectedPayout(actor, w.rightsholder.organization.id) },
  getStatement: { allowed: READERS, run: async (actor, w) => getStatement(actor, (await worldStatement(w)).statementId) },
  loadVisibleStatement: { allowed: READERS, run: async (actor, w) => loadVisibleStatement(actor, (await worldStatement(w)).statementId) },
  statementCsv: { allowed: READERS, run: async (actor, w) => statementCsv(actor, (await worldStatement(w)).statementId) },
  statementPdf: { allowed: READERS, run: async (actor, w) => statementPdf(actor, (await worldStatement(w)).statementId) },
  raiseStatementDispute: {
    allowed: ["rightsholderOwner"],
    run: async (actor, w) => raiseStatementDispute(actor, { statementLineId: (await worldStatement(w)).lineId.toString(), reason: "Matrix check: the units look wrong." }),
  },
  getStatementDisputeForStaff: { allowed: STAFF, run: async (actor, w) => getStatementDisputeForStaff(actor, await openLineDispute(w)) },
  resolveStatementDispute: {
    allowed: ["admin"],
    run: async (actor, w) => resolveStatementDispute(actor, { disputeId: await openLineDispute(w), outcome: "REJECTED", resolution: "Matrix check: the line was right." }),
  },
};

export const STATEMENTS_PUBLIC: Record<string, string> = {};

export const STATEMENTS_INTERNAL = [
  // the statement's lines in keyset pages and its sums: called by the use cases above after their access check
  "statementLinesPage", "allStatementLines", "encodeLineCursor", "statementLineTotals",
  // the charts' SQL, called by statementCharts after its check
  "chartWindow", "earningsByIndustry", "earningsByPurpose", "topWorks",
  // pure helpers: the dispute window, a file name, the resolution mail, text a PDF font can draw
  "disputeDeadline", "isDisputeWindowOpen", "fileSlug", "statementDisputeResolvedMail", "encodable",
  // request plumbing of /api/statements/[id]/{csv,pdf}, which call statementCsv / statementPdf
  "statementCsvResponse", "statementPdfResponse",
];
