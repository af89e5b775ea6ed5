import { describe, expect, it } from "vitest";
import { decideCoverage, type CoverageFacts } from "@/lib/coverage/coverage-rule";

const LICENSED: CoverageFacts["licenseTerms"] = [{ startsOn: "2026-03-01", endsOn: "2027-03-01" }];
const WORK: NonNullable<CoverageFacts["work"]> = {
  status: "ENROLLED", enrolledOn: "2026-01-10", rightsholderApprovedOn: "2026-01-05", excludedFrom: null, purposes: ["TRAIN", "FINE_TUNE", "RAG"], hasOpenDispute: false,
};
const facts = (work: Partial<NonNullable<CoverageFacts["work"]>> | null, licenseTerms = LICENSED): CoverageFacts => ({ licenseTerms, work: work === null ? null : { ...WORK, ...work } });

describe("decideCoverage", () => {
  it.each([
    // what, facts, purpose, date, reason
    ["an enrolled work inside the term", facts({}), "TRAIN", "2026-06-01", "COVERED"],
    ["the first day of the term", facts({}), "RAG", "2026-03-01", "COVERED"],
    ["the day the term ends (exclusive)", facts({}), "RAG", "2027-03-01", "NO_ACTIVE_LICENSE"],
    ["before the term", facts({}), "TRAIN", "2026-02-28", "NO_ACTIVE_LICENSE"],
    ["no license at all", facts({}, []), "TRAIN", "2026-06-01", "NO_ACTIVE_LICENSE"],
    ["a second, chained term", facts({}, [...LICENSED, { startsOn: "2027-03-01", endsOn: "2028-03-01" }]), "TRAIN", "2027-06-01", "COVERED"],
    ["an unknown identifier", facts(null), "TRAIN", "2026-06-01", "NOT_ENROLLED"],
    ["a work enrolled after the date", facts({ enrolledOn: "2026-07-01" }), "TRAIN", "2026-06-01", "NOT_ENROLLED"],
    ["a rightsholder approved after the date", facts({ rightsholderApprovedOn: "2026-07-01" }), "TRAIN", "2026-06-01", "NOT_ENROLLED"],
    ["a rightsholder not approved", facts({ rightsholderApprovedOn: null }), "TRAIN", "2026-06-01", "NOT_ENROLLED"],
    ["a suspended work", facts({ status: "SUSPENDED" }), "TRAIN", "2026-06-01", "NOT_ENROLLED"],
    ["a merged work", facts({ status: "MERGED" }), "TRAIN", "2026-06-01", "NOT_ENROLLED"],
    ["excluded from that very day", facts({ excludedFrom: "2026-06-01" }), "TRAIN", "2026-06-01", "EXCLUDED"],
    ["excluded from a later day", facts({ excludedFrom: "2026-06-02" }), "TRAIN", "2026-06-01", "COVERED"],
    ["a purpose not permitted", facts({ purposes: ["TRAIN"] }), "RAG", "2026-06-01", "PURPOSE_NOT_PERMITTED"],
    ["an open dispute", facts({ hasOpenDispute: true }), "TRAIN", "2026-06-01", "DISPUTED"],
  ] as const)("%s", (_what, input, purpose, date, reason) => {
    const answer = decideCoverage(input, purpose, date);
    expect(answer.reason).toBe(reason);
    expect(answer.covered).toBe(reason === "COVERED");
    expect(answer.message.length).toBeGreaterThan(10);
  });

  it("names the first reason that fails: no license before anything about the work", () => {
    expect(decideCoverage(facts({ excludedFrom: "2020-01-01", hasOpenDispute: true }, []), "TRAIN", "2026-06-01").reason).toBe("NO_ACTIVE_LICENSE");
    expect(decideCoverage(facts({ excludedFrom: "2020-01-01", purposes: ["RAG"] }), "TRAIN", "2026-06-01").reason).toBe("EXCLUDED");
  });
});
