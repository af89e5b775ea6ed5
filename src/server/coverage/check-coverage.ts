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

  const held = await db.workIdentifier.findUnique({
    where: { type_value: { type: identifier.type, value: identifier.value } },
    select: { work: { select: { id: true, status: true, mergedIntoId: true } } },
  });
  // A work merged by staff answers for the work it was merged into.
  const workId = held ? (held.work.status === "MERGED" && held.work.mergedIntoId ? held.work.mergedIntoId : held.work.id) : null;
  const work = workId === null ? null : await db.work.findUnique({
    where: { id: workId },
    select: {
      id: true, title: true, status: true, createdAt: true, excludedFrom: true, purposes: true,
      rightsholder: { select: { name: true, rightsholderProfile: { select: { status: true, approvedAt: true } } } },
    },
  });
  const hasOpenDispute = work ? (await db.dispute.count({ where: { status: "OPEN", OR: [{ workId: work.id }, { claimantWorkId: work.id }] } })) > 0 : false;
  const profile = work?.rightsholder.rightsholderProfile;
  const facts: CoverageFacts = {
    licenseTerms: await licenseTermsOf(input.organizationId),
    work: work && {
      status: work.status,
      enrolledOn: day(work.createdAt),
      rightsholderApprovedOn: profile?.status === "APPROVED" && profile.approvedAt ? day(profile.approvedAt) : null,
      excludedFrom: work.excludedFrom ? day(work.excludedFrom) : null,
      purposes: work.purposes as PurposeCode[],
      hasOpenDispute,
    },
  };
  return {
    ...decideCoverage(facts, purpose, date),
    identifier,
    purpose,
    date,
    work: work ? { id: work.id, title: work.title, rightsholder: work.rightsholder.name } : null,
  };
}
