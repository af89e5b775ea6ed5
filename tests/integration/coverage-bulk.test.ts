import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { checkCoverage } from "@/server/coverage/check-coverage";
import { coverageCheckResult, getCoverageCheck, listCoverageChecks } from "@/server/coverage/coverage-checks.queries";
import { coverageStorageDir } from "@/server/coverage/coverage-checks.schema";
import { runCoverageCheck } from "@/server/coverage/run-coverage-check";
import { startCoverageCheck, startCoverageCheckFromList } from "@/server/coverage/start-coverage-check";
import { createOrganizationWithPeople } from "../factories";
import { bytesOf, setUpTempImportStorage } from "../factories/imports";
import { createActiveGrant } from "../factories/licensing";
import { createWork, uniqueDoi, uniqueIsbn } from "../factories/works";

beforeAll(() => {
  setUpTempImportStorage();
});

/** Works in every state coverage knows, and a licensee licensed 2026-01-15 → 2027-01-15. */
async function world() {
  const rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
  await db.rightsholderProfile.update({ where: { organizationId: rightsholder.organization.id }, data: { status: "APPROVED", approvedAt: new Date("2026-01-05T10:00:00Z") } });
  const enrolled = async (overrides: Parameters<typeof createWork>[1] = {}) => {
    const isbn = overrides.isbn ?? uniqueIsbn();
    const work = await createWork(rightsholder.organization.id, { ...overrides, isbn });
    await db.work.update({ where: { id: work.id }, data: { createdAt: new Date("2026-01-10T08:00:00Z") } });
    return { ...work, isbn };
  };
  const covered = await enrolled({ title: "The Tidewater Atlas" });
  const trainOnly = await enrolled({ purposes: ["TRAIN"] });
  const excluded = await enrolled({ excludedFrom: new Date("2026-09-01T00:00:00Z") });
  const disputed = await enrolled();
  const claimant = await createOrganizationWithPeople("RIGHTSHOLDER");
  await db.dispute.create({ data: { origin: "ENROLLMENT", workId: disputed.id, claimantOrgId: claimant.organization.id, reason: "Test claim" } });
  const survivor = await enrolled({ title: "Survivor" });
  const merged = await enrolled({ title: "Merged away" });
  await db.work.update({ where: { id: merged.id }, data: { status: "MERGED", mergedIntoId: survivor.id } });
  const suspended = await enrolled();
  await db.work.update({ where: { id: suspended.id }, data: { status: "SUSPENDED" } });
  const doi = uniqueDoi();
  const withDoi = await enrolled();
  await db.workIdentifier.create({ data: { workId: withDoi.id, type: "DOI", value: doi } });

  const pending = await createOrganizationWithPeople("RIGHTSHOLDER");
  const pendingWork = await createWork(pending.organization.id, {});

  const licensee = await createOrganizationWithPeople("LICENSEE");
  await createActiveGrant(licensee.organization.id, { startsOn: "2026-01-15", endsOn: "2027-01-15" });
  return { rightsholder, licensee, covered, trainOnly, excluded, disputed, survivor, merged, suspended, withDoi, doi, pendingIsbn: pendingWork.identifiers[0]!.value };
}

async function upload(actor: Parameters<typeof startCoverageCheck>[0], organizationId: string, content: string, extra: { purpose?: string; date?: string } = {}) {
  return startCoverageCheck(actor, { organizationId, fileName: "ids.csv", body: bytesOf(content, 7), declaredSize: Buffer.byteLength(content), purpose: extra.purpose ?? "TRAIN", date: extra.date ?? "2026-06-01" });
}

/** One CSV line (no line breaks inside fields here) into its fields. */
function csvFields(line: string): string[] {
  return [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => (m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!));
}

async function resultLines(actor: Parameters<typeof startCoverageCheck>[0], organizationId: string, checkId: string): Promise<string[][]> {
  const result = await coverageCheckResult(actor, { organizationId, checkId });
  // Bytes, not Response.text(): that would drop the BOM the file starts with.
  const text = Buffer.from(await new Response(result.body).arrayBuffer()).toString("utf8");
  expect(text.startsWith("\uFEFFline,identifier,identifier_type,normalized_identifier,purpose,date,covered,reason,message,work_title,rightsholder\r\n")).toBe(true);
  return text.slice(1).trimEnd().split("\r\n").slice(1).map(csvFields);
}

describe("coverage in bulk", () => {
  it("answers every line of a plain list with the same answer as one question at a time", async () => {
    const w = await world();
    const { licensee } = w;
    const actor = licensee.member.actor;
    const org = licensee.organization.id;
    const hyphenated = `${w.covered.isbn.slice(0, 3)}-${w.covered.isbn.slice(3)}`;
    const identifiers = [hyphenated, w.trainOnly.isbn, w.excluded.isbn, w.disputed.isbn, w.merged.isbn, w.suspended.isbn, `https://doi.org/${w.doi.toUpperCase()}`, w.pendingIsbn, uniqueIsbn(), "not an identifier", w.covered.isbn];
    const started = await upload(actor, org, `${identifiers.join("\n")}\n\n`, { purpose: "FINE_TUNE", date: "2026-10-01" });
    expect(started).toMatchObject({ purpose: "FINE_TUNE", date: "2026-10-01" });
    expect((await getCoverageCheck(actor, { organizationId: org, checkId: started.id })).status).toBe("QUEUED");

    expect(await runCoverageCheck(started.id)).toBe("completed");
    const lines = await resultLines(actor, org, started.id);
    expect(lines).toHaveLength(identifiers.length);
    expect(lines.map((l) => l[0])).toEqual(identifiers.map((_, i) => String(i + 1)));
    for (const [i, identifier] of identifiers.entries()) {
      const line = lines[i]!;
      if (identifier === "not an identifier") {
        expect(line.slice(6, 8)).toEqual(["no", "INVALID"]);
        continue;
      }
      const single = await checkCoverage(actor, { organizationId: org, identifier, purpose: "FINE_TUNE", date: "2026-10-01" });
      expect({ identifier, covered: line[6], reason: line[7], message: line[8] }).toEqual({ identifier, covered: single.covered ? "yes" : "no", reason: single.reason, message: single.message });
    }
    expect(lines.map((l) => l[7])).toEqual(["COVERED", "PURPOSE_NOT_PERMITTED", "EXCLUDED", "DISPUTED", "COVERED", "NOT_ENROLLED", "COVERED", "NOT_ENROLLED", "NOT_ENROLLED", "INVALID", "COVERED"]);
    expect(lines[4]![9]).toBe("Survivor");

    const done = await getCoverageCheck(actor, { organizationId: org, checkId: started.id });
    expect(done).toMatchObject({ status: "COMPLETED", percent: 100, lineCount: 11, counts: { covered: 4, notCovered: 6, invalid: 1 }, hasResult: true });
    expect(done.reasons[0]).toEqual({ reason: "COVERED", count: 4 });
  });

  it("reads a header row with per-line purpose and date, and explains lines it can't read", async () => {
    const w = await world();
    const org = w.licensee.organization.id;
    const actor = w.licensee.owner.actor;
    const file = [
      "title,identifier,purpose,date",
      `Atlas,${w.covered.isbn},,`,
      `Atlas,${w.covered.isbn},rag,2026-01-14`,
      `Atlas,${w.trainOnly.isbn},fine-tune,`,
      `Atlas,${w.covered.isbn},SING,`,
      `Atlas,${w.covered.isbn},TRAIN,2026-02-30`,
      `Atlas,,TRAIN,`,
      `Atlas,"${w.excluded.isbn}",train,2026-08-31`,
    ].join("\r\n");
    const started = await upload(actor, org, file);
    await runCoverageCheck(started.id);
    const lines = await resultLines(actor, org, started.id);
    expect(lines.map((l) => [l[0], l[4], l[5], l[7]])).toEqual([
      ["2", "TRAIN", "2026-06-01", "COVERED"],
      ["3", "RAG", "2026-01-14", "NO_ACTIVE_LICENSE"],
      ["4", "FINE_TUNE", "2026-06-01", "PURPOSE_NOT_PERMITTED"],
      ["5", "", "2026-06-01", "INVALID"],
      ["6", "TRAIN", "2026-06-01", "INVALID"],
      ["7", "TRAIN", "2026-06-01", "INVALID"],
      ["8", "TRAIN", "2026-08-31", "COVERED"],
    ]);
    expect(lines[3]![8]).toMatch(/Unknown purpose "SING"/);
    expect(lines[4]![8]).toMatch(/"2026-02-30" is not a date/);
    expect(lines[5]![8]).toBe("The line has no identifier.");
  });

  it("takes a JSON list through the API path, and refuses bad defaults field by field", async () => {
    const w = await world();
    const org = w.licensee.organization.id;
    const actor = w.licensee.member.actor;
    const started = await startCoverageCheckFromList(actor, { organizationId: org, identifiers: [w.covered.isbn, "=HYPERLINK(1)"], purpose: "RAG" });
    await runCoverageCheck(started.id);
    const result = await new Response((await coverageCheckResult(actor, { organizationId: org, checkId: started.id })).body).text();
    expect(result).toContain(",COVERED,");
    // A formula-like identifier is echoed as text, not as a formula.
    expect(result).toContain("'=HYPERLINK(1)");
    await expect(startCoverageCheckFromList(actor, { organizationId: org, identifiers: [], purpose: "SING", date: "x" })).rejects.toMatchObject({
      code: "VALIDATION", fieldErrors: { identifiers: [expect.any(String)], purpose: [expect.any(String)], date: [expect.any(String)] },
    });
    await expect(upload(actor, org, "")).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(upload(actor, org, "<?xml version='1.0'?><ONIXMessage/>")).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { file: [expect.any(String)] } });
    await expect(upload(actor, org, "9780306406157", { purpose: "" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { purpose: [expect.any(String)] } });
    expect((await listCoverageChecks(actor, { organizationId: org })).map((c) => c.id)).toEqual([started.id]);
  });

  it("fails a file past the line limit with the line, keeps no result, and a repeated run changes nothing", async () => {
    const w = await world();
    const org = w.licensee.organization.id;
    const actor = w.licensee.member.actor;
    const started = await upload(actor, org, [w.covered.isbn, w.covered.isbn, w.covered.isbn].join("\n"));
    expect(await runCoverageCheck(started.id, { maxLines: 2 })).toBe("failed");
    const failed = await getCoverageCheck(actor, { organizationId: org, checkId: started.id });
    expect(failed).toMatchObject({ status: "FAILED", hasResult: false, errorMessage: expect.stringMatching(/more than 2 identifiers \(line 3 is one too many\)/) });
    await expect(coverageCheckResult(actor, { organizationId: org, checkId: started.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await runCoverageCheck(started.id)).toBe("not-runnable");

    const again = await upload(actor, org, w.covered.isbn);
    expect(await runCoverageCheck(again.id)).toBe("completed");
    expect(await runCoverageCheck(again.id)).toBe("not-runnable");
    const stored = await readFile(path.join(coverageStorageDir(), org, `${again.id}.result.csv`), "utf8");
    expect(stored.trimEnd().split("\r\n")).toHaveLength(2);
  });

  it("keeps each licensee's checks to itself", async () => {
    const w = await world();
    const other = await createOrganizationWithPeople("LICENSEE");
    const started = await upload(w.licensee.member.actor, w.licensee.organization.id, w.covered.isbn);
    await expect(getCoverageCheck(other.member.actor, { organizationId: w.licensee.organization.id, checkId: started.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getCoverageCheck(other.member.actor, { organizationId: other.organization.id, checkId: started.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(upload(w.rightsholder.member.actor, w.licensee.organization.id, w.covered.isbn)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
