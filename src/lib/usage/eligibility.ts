// Whether a usage line counts toward royalties (shared/DOMAIN.md, Usage reports; decision 014):
// its work was covered for that licensee and purpose during the quarter — on at least one day of
// it, since a quarter's usage carries no dates of its own. Covered means the coverage rule's
// conditions, over intervals instead of one day: a license in force, the work in the repertoire
// (enrolled, its rightsholder approved, not suspended), not yet excluded, and the purpose
// permitted. An open dispute does not make usage ineligible: the usage happened under the license;
// the distribution holds the work's money until staff resolve it. Pure; the set-based SQL in
// src/server/usage/eligibility-sql.ts computes the same, and tests hold the two together.
import type { PurposeCode } from "../coverage/coverage-rule";
import type { Quarter } from "./quarters";

export const INELIGIBLE_REASONS = ["NOT_MATCHED", "NO_LICENSE", "NOT_IN_REPERTOIRE", "EXCLUDED", "PURPOSE_NOT_PERMITTED"] as const;
export type IneligibleReason = (typeof INELIGIBLE_REASONS)[number];

export type EligibilityFacts = {
  /** The licensee's license terms, [startsOn, endsOn), revoked ones cut at their revocation day. */
  licenseTerms: { startsOn: string; endsOn: string }[];
  work: {
    status: "ENROLLED" | "SUSPENDED" | "MERGED";
    enrolledOn: string;
    rightsholderApprovedOn: string | null;
    excludedFrom: string | null;
    purposes: PurposeCode[];
  };
};

export type EligibilityAnswer = { eligible: true } | { eligible: false; reason: IneligibleReason };

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

export function decideEligibility(facts: EligibilityFacts, purpose: PurposeCode, quarter: Quarter): EligibilityAnswer {
  const { work } = facts;
  const overlaps = (from: string, until: string | null) =>
    facts.licenseTerms.some((t) => later(later(quarter.startsOn, t.startsOn), from) < earlier(earlier(quarter.endsOn, t.endsOn), until ?? "9999-12-31"));
  if (!overlaps("0000-01-01", null)) return { eligible: false, reason: "NO_LICENSE" };
  if (work.status !== "ENROLLED" || work.rightsholderApprovedOn === null) return { eligible: false, reason: "NOT_IN_REPERTOIRE" };
  const inRepertoireFrom = later(work.enrolledOn, work.rightsholderApprovedOn);
  if (!overlaps(inRepertoireFrom, null)) return { eligible: false, reason: "NOT_IN_REPERTOIRE" };
  if (!overlaps(inRepertoireFrom, work.excludedFrom)) return { eligible: false, reason: "EXCLUDED" };
  if (!work.purposes.includes(purpose)) return { eligible: false, reason: "PURPOSE_NOT_PERMITTED" };
  return { eligible: true };
}

/** What each reason means, for the report page and the error file. */
export const INELIGIBLE_MESSAGES: Record<IneligibleReason, string> = {
  NOT_MATCHED: "Not a work of the repertoire: staff found no match for this line.",
  NO_LICENSE: "Your organisation held no license in force during this quarter.",
  NOT_IN_REPERTOIRE: "The work was not in the repertoire while your license was in force this quarter (enrolled later, its rightsholder not yet approved, or suspended).",
  EXCLUDED: "The rightsholder had excluded the work from the repertoire before your licensed days of this quarter.",
  PURPOSE_NOT_PERMITTED: "The rightsholder does not permit this purpose for the work.",
};
