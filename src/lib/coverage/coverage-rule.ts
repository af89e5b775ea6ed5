// Whether a work is covered for a licensee on a date for a purpose (shared/DOMAIN.md, Coverage):
// the licensee holds a license in force that day, the work is in the repertoire that day
// (enrolled by then, its rightsholder approved by then, not suspended or merged away), not
// excluded from that day or earlier, permitted for the purpose, and not in an open dispute
// (neither side is paid for a disputed work, so it is not offered as covered). Pure: the same
// rule answers the page, the API and the bulk lookup.

export const PURPOSES = ["TRAIN", "FINE_TUNE", "RAG"] as const;
export type PurposeCode = (typeof PURPOSES)[number];

export type CoverageReason = "COVERED" | "NO_ACTIVE_LICENSE" | "NOT_ENROLLED" | "EXCLUDED" | "PURPOSE_NOT_PERMITTED" | "DISPUTED";

export type CoverageFacts = {
  /** The licensee's license terms, [startsOn, endsOn) as YYYY-MM-DD: grants active or expired, and revoked ones up to their revocation day. */
  licenseTerms: { startsOn: string; endsOn: string }[];
  /** The work the identifier names, or null when no enrolled work has it. */
  work: null | {
    status: "ENROLLED" | "SUSPENDED" | "MERGED";
    enrolledOn: string;
    rightsholderApprovedOn: string | null;
    excludedFrom: string | null;
    purposes: PurposeCode[];
    hasOpenDispute: boolean;
  };
};

export type CoverageAnswer = { covered: boolean; reason: CoverageReason; message: string };

const PURPOSE_WORDS: Record<PurposeCode, string> = { TRAIN: "pre-training", FINE_TUNE: "fine-tuning", RAG: "retrieval-augmented generation" };

export function decideCoverage(facts: CoverageFacts, purpose: PurposeCode, date: string): CoverageAnswer {
  const answer = (reason: CoverageReason, message: string): CoverageAnswer => ({ covered: reason === "COVERED", reason, message });
  if (!facts.licenseTerms.some((t) => t.startsOn <= date && date < t.endsOn)) {
    return answer("NO_ACTIVE_LICENSE", `Your organisation held no license in force on ${date}.`);
  }
  const work = facts.work;
  if (!work || work.status !== "ENROLLED" || work.enrolledOn > date || !work.rightsholderApprovedOn || work.rightsholderApprovedOn > date) {
    return answer("NOT_ENROLLED", work && work.status === "ENROLLED" && work.enrolledOn <= date && work.rightsholderApprovedOn && work.rightsholderApprovedOn > date
      ? `The work's rightsholder joined the repertoire on ${work.rightsholderApprovedOn}.`
      : work && work.status === "ENROLLED" && work.enrolledOn > date
        ? `The work was enrolled on ${work.enrolledOn}, after ${date}.`
        : "No work in the repertoire has this identifier.");
  }
  if (work.excludedFrom !== null && work.excludedFrom <= date) {
    return answer("EXCLUDED", `The rightsholder excluded this work from the repertoire from ${work.excludedFrom}.`);
  }
  if (!work.purposes.includes(purpose)) {
    return answer("PURPOSE_NOT_PERMITTED", `The rightsholder does not permit ${PURPOSE_WORDS[purpose]} for this work.`);
  }
  if (work.hasOpenDispute) {
    return answer("DISPUTED", "Two rightsholders claim this work; it is not covered until staff resolve the dispute.");
  }
  return answer("COVERED", `Covered for ${PURPOSE_WORDS[purpose]} on ${date}.`);
}
