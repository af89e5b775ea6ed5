import "server-only";
import { decideCoverage, type CoverageAnswer, type CoverageFacts, type PurposeCode } from "@/lib/coverage/coverage-rule";
import { detectIdentifier, type NormalizedIdentifier } from "@/lib/identifiers";
import { todayUtc } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { validation } from "../errors";
import { ZCoverageQuery, type TCoverageQuery } from "./coverage.schema";
import { licenseTermsOf } from "./license-terms";

export type CoverageResult = CoverageAnswer & {
  identifier: NormalizedIdentifier;
  purpose: PurposeCode;
  date: string;
  /** What the public repertoire shows of the work, when one has the identifier. */
  work: { id: number; title: string; rightsholder: string } | null;
};

const day = (d: Date) => d.toISOString().slice(0, 10);

type CoveredWork = {
  id: number; title: string; status: NonNullable<CoverageFacts["work"]>["status"]; createdAt: Date; excludedFrom: Date | null;
  purposes: PurposeCode[]; rightsholder: string; profileStatus: string | null; approvedAt: Date | null; hasOpenDispute: boolean;
};

/**
 * The facts about the work holding the identifier, in one statement (the coverage API answers
 * thousands of these a minute; five reads through Prisma were five round trips). A work merged by
 * staff answers for the work it was merged into; an open dispute on either side of it counts.
 */
async function coveredWork(identifier: NormalizedIdentifier): Promise<CoveredWork | null> {
  const [work] = await db.$queryRaw<CoveredWork[]>`
    SELECT w.id, w.title, w.status::text AS status, w."createdAt", w."excludedFrom", w.purposes::text[] AS purposes, o.name AS rightsholder,
           rp.status::text AS "profileStatus", rp."approvedAt",
           EXISTS (SELECT 1 FROM disputes d WHERE d.status = 'OPEN' AND d."workId" = w.id)
             OR EXISTS (SELECT 1 FROM disputes d WHERE d.status = 'OPEN' AND d."claimantWorkId" = w.id) AS "hasOpenDispute"
      FROM work_identifiers wi
      JOIN works held ON held.id = wi."workId"
      JOIN works w ON w.id = CASE WHEN held.status = 'MERGED' AND held."mergedIntoId" IS NOT NULL THEN held."mergedIntoId" ELSE held.id END
      JOIN organizations o ON o.id = w."rightsholderId"
      LEFT JOIN rightsholder_profiles rp ON rp."organizationId" = o.id
     WHERE wi.type = ${identifier.type}::"IdentifierType" AND wi.value = ${identifier.value}`;
  return work ?? null;
}

/**
 * Is this work covered by the licensee's license, for this purpose, on this day? Its members, its
 * API keys with coverage:read, and staff ask. Bad input is a VALIDATION error by field.
 */
export async function checkCoverage(actor: Actor | null, input: { organizationId: string } & { [K in keyof TCoverageQuery]?: unknown }): Promise<CoverageResult> {
  authorize(can.checkCoverage(actor, input.organizationId), "Only this licensee's members and its API keys can check its coverage.");
  const parsed = ZCoverageQuery.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "query")] ??= []).push(issue.message);
    throw validation("Check the question: identifier, purpose and date.", fieldErrors);
  }
  const detected = detectIdentifier(parsed.data.identifier);
  if (!detected.ok) throw validation(detected.error, { identifier: [detected.error] });
  const identifier: NormalizedIdentifier = { type: detected.type, value: detected.value };
  const date = parsed.data.date ?? todayUtc();
  const { purpose } = parsed.data;

  const [work, licenseTerms] = await Promise.all([coveredWork(identifier), licenseTermsOf(input.organizationId)]);
  const facts: CoverageFacts = {
    licenseTerms,
    work: work && {
      status: work.status,
      enrolledOn: day(work.createdAt),
      rightsholderApprovedOn: work.profileStatus === "APPROVED" && work.approvedAt ? day(work.approvedAt) : null,
      excludedFrom: work.excludedFrom ? day(work.excludedFrom) : null,
      purposes: work.purposes,
      hasOpenDispute: work.hasOpenDispute,
    },
  };
  return {
    ...decideCoverage(facts, purpose, date),
    identifier,
    purpose,
    date,
    work: work ? { id: work.id, title: work.title, rightsholder: work.rightsholder } : null,
  };
}
