import { beforeAll, describe, expect, it } from "vitest";
import { normalizeTitle } from "@/lib/titles";
import { db } from "@/server/db";
import { runUsageReport } from "@/server/usage/run-usage-report";
import { startUsageReport, startUsageReportFromJson } from "@/server/usage/start-usage-report";
import { getUsageReport, listUsageLineErrors, listUsageReportLines } from "@/server/usage/usage-reports.queries";
import { createOrganizationWithPeople } from "../factories";
import { bytesOf, setUpTempImportStorage } from "../factories/imports";
import { createActiveGrant } from "../factories/licensing";
import { createWork, uniqueIsbn } from "../factories/works";

beforeAll(() => {
  setUpTempImportStorage();
});

const HEADER = "identifier,title,year,purpose,units";

/** An approved rightsholder's works (enrolled 2026-01-10) and a licensee licensed 2026-01-15 → 2027-01-15. */
async function world() {
  const rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
  await db.rightsholderProfile.update({ where: { organizationId: rightsholder.organization.id }, data: { status: "APPROVED", approvedAt: new Date("2026-01-05T10:00:00Z") } });
  const enrolled = async (overrides: Parameters<typeof createWork>[1] = {}) => {
    const work = await createWork(rightsholder.organization.id, overrides);
    await db.work.update({ where: { id: work.id }, data: { createdAt: new Date("2026-01-10T08:00:00Z") } });
    return { ...work, isbn: work.identifiers[0]!.value };
  };
  const licensee = await createOrganizationWithPeople("LICENSEE");
  await createActiveGrant(licensee.organization.id, { startsOn: "2026-01-15", endsOn: "2027-01-15" });
  const upload = async (csv: string, quarter = "2026Q3", actor = licensee.member.actor) => {
    const started = await startUsageReport(actor, { organizationId: licensee.organization.id, quarter, fileName: "usage.csv", body: bytesOf(csv, 13), declaredSize: Buffer.byteLength(csv) });
    expect(await runUsageReport(started.id)).toBe("processed");
    return started;
  };
  const read = (reportId: string) => getUsageReport(licensee.member.actor, { organizationId: licensee.organization.id, reportId });
  const lines = async (reportId: string) => (await listUsageReportLines(licensee.member.actor, { organizationId: licensee.organization.id, reportId, take: 500 })).lines;
  return { rightsholder, licensee, enrolled, upload, read, lines };
}

describe("usage reports", () => {
  it("matches by identifier, then title and year; sums repeats; keeps good lines and explains bad ones", async () => {
    const w = await world();
    const byIsbn = await w.enrolled({ title: "Tidewater Atlas" });
    const title = `Harbour Songs ${Math.random().toString(36).slice(2, 8)}`;
    const byTitle = await w.enrolled({ title, publicationYear: 2011 });
    const twin = `Twin Title ${Math.random().toString(36).slice(2, 8)}`;
    await w.enrolled({ title: twin, publicationYear: 2015 });
    await w.enrolled({ title: twin, publicationYear: 2015 });
    const csv = [
      HEADER,
      `${byIsbn.isbn},,,TRAIN,1000`,
      `,${title.toUpperCase()},2011,rag,50`,
      `${byIsbn.isbn.slice(0, 3)}-${byIsbn.isbn.slice(3)},,,train,500`,
      `,${twin},2015,TRAIN,7`,
      `${uniqueIsbn()},Unknown Work,2001,FINE_TUNE,9`,
      `978-0-306-40615-8,,,TRAIN,10`,
      `,,,TRAIN,10`,
      `${byIsbn.isbn},,,SING,0`,
      `${byIsbn.isbn},,,TRAIN,=1+1`,
    ].join("\n");
    const started = await w.upload(csv);
    const report = await w.read(started.id);
    expect(report).toMatchObject({ status: "PROCESSED", totalLines: 9, acceptedLines: 5, rejectedLines: 4, summedLines: 1, processedLines: 4, percent: 100 });
    const lines = await w.lines(started.id);
    expect(lines.map((l) => [l.lineNumber, l.matchStatus, l.matchMethod, l.units, l.mergedLineCount])).toEqual([
      [2, "MATCHED", "IDENTIFIER", 1500n, 2],
      [3, "MATCHED", "TITLE_YEAR", 50n, 1],
      [5, "AMBIGUOUS", null, 7n, 1],
      [6, "UNMATCHED", null, 9n, 1],
    ]);
    expect(lines[1]!.work?.id).toBe(byTitle.id);
    expect(report.summary).toMatchObject({ matched: { lines: 2, units: 1550n }, open: { lines: 2, units: 16n }, eligible: { lines: 2, units: 1550n }, ineligible: { lines: 0 } });
    const errors = await listUsageLineErrors(w.licensee.member.actor, { organizationId: w.licensee.organization.id, reportId: started.id });
    expect(errors.map((e) => e.lineNumber)).toEqual([7, 8, 9, 10]);
    expect(errors[0]!.reason).toMatch(/identifier: .*check digit/);
    expect(errors[1]!.reason).toBe("Give the work's identifier or its title.");
    expect(errors[2]!.reason).toMatch(/purpose: "SING" is not TRAIN, FINE_TUNE or RAG\. units: "0" is not a whole number above 0\./);
    expect(errors[3]!.reason).toMatch(/units: starts like a spreadsheet formula/);
  });

  it("judges eligibility at the edges of the quarter, for every purpose", async () => {
    const w = await world();
    const trainOnly = await w.enrolled({ purposes: ["TRAIN"] });
    const excludedMid = await w.enrolled({ excludedFrom: new Date("2026-08-15T00:00:00Z") });
    const excludedBefore = await w.enrolled({ excludedFrom: new Date("2026-06-30T00:00:00Z") });
    const late = await w.enrolled();
    await db.work.update({ where: { id: late.id }, data: { createdAt: new Date("2026-10-02T00:00:00Z") } });
    const disputed = await w.enrolled();
    const claimant = await createOrganizationWithPeople("RIGHTSHOLDER");
    await db.dispute.create({ data: { origin: "ENROLLMENT", workId: disputed.id, claimantOrgId: claimant.organization.id, reason: "Test claim" } });
    const csv = [HEADER, `${trainOnly.isbn},,,TRAIN,1`, `${trainOnly.isbn},,,FINE_TUNE,2`, `${trainOnly.isbn},,,RAG,3`, `${excludedMid.isbn},,,TRAIN,4`, `${excludedBefore.isbn},,,TRAIN,5`, `${late.isbn},,,TRAIN,6`, `${disputed.isbn},,,TRAIN,7`].join("\n");
    const started = await w.upload(csv);
    const lines = await w.lines(started.id);
    expect(lines.map((l) => [Number(l.units), l.eligibility, l.ineligibleReason])).toEqual([
      [1, "ELIGIBLE", null],
      [2, "INELIGIBLE", "PURPOSE_NOT_PERMITTED"],
      [3, "INELIGIBLE", "PURPOSE_NOT_PERMITTED"],
      [4, "ELIGIBLE", null],
      [5, "INELIGIBLE", "EXCLUDED"],
      [6, "INELIGIBLE", "NOT_IN_REPERTOIRE"],
      // An open dispute holds the money at distribution; the usage itself counts.
      [7, "ELIGIBLE", null],
    ]);
  });

  it("counts a license that starts or ends mid-quarter, and none outside it", async () => {
    const w = await world();
    const work = await w.enrolled();
    const q1 = await w.upload(`${HEADER}\n${work.isbn},,,TRAIN,1\n`, "2026Q1");
    expect((await w.lines(q1.id))[0]).toMatchObject({ eligibility: "ELIGIBLE" });
    const other = await createOrganizationWithPeople("LICENSEE");
    await createActiveGrant(other.organization.id, { startsOn: "2025-03-01", endsOn: "2026-02-01" });
    const csv = `${HEADER}\n${work.isbn},,,TRAIN,1\n`;
    for (const [quarter, expected] of [["2026Q1", "NOT_IN_REPERTOIRE"], ["2026Q2", "NO_LICENSE"]] as const) {
      const started = await startUsageReport(other.member.actor, { organizationId: other.organization.id, quarter, fileName: "u.csv", body: bytesOf(csv), declaredSize: csv.length });
      await runUsageReport(started.id);
      const [line] = (await listUsageReportLines(other.member.actor, { organizationId: other.organization.id, reportId: started.id })).lines;
      // 2026Q1: licensed until 2026-02-01, but the work joined on 2026-01-10 and the rightsholder on 01-05: covered 01-10…01-31.
      expect(line).toMatchObject(quarter === "2026Q1" ? { eligibility: "ELIGIBLE" } : { eligibility: "INELIGIBLE", ineligibleReason: expected });
    }
  });

  it("replaces a quarter's report until it is locked; then a new one is an adjustment", async () => {
    const w = await world();
    const work = await w.enrolled();
    const first = await w.upload(`${HEADER}\n${work.isbn},,,TRAIN,10\n`);
    const second = await w.upload(`${HEADER}\n${work.isbn},,,TRAIN,20\n`);
    expect(second).toMatchObject({ isAdjustment: false, replacesId: first.id });
    expect(await db.usageReport.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "REPLACED", replacedById: second.id });
    await db.usageReport.update({ where: { id: second.id }, data: { lockedAt: new Date() } });
    const third = await w.upload(`${HEADER}\n${work.isbn},,,TRAIN,5\n`);
    expect(third).toMatchObject({ isAdjustment: true, replacesId: null });
    expect((await db.usageReport.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("PROCESSED");
  });

  it("takes JSON lines through the API path, refuses bad quarters and other organisations", async () => {
    const w = await world();
    const work = await w.enrolled({ title: "Json Work" });
    const started = await startUsageReportFromJson(w.licensee.owner.actor, {
      organizationId: w.licensee.organization.id,
      body: { quarter: "2026Q3", lines: [{ identifier: work.isbn, purpose: "TRAIN", units: 5 }, { title: normalizeTitle("Json Work"), purpose: "RAG", units: "3" }, { identifier: work.isbn, purpose: "SING", units: 1 }] },
    });
    expect(await runUsageReport(started.id)).toBe("processed");
    expect(await w.read(started.id)).toMatchObject({ source: "API", acceptedLines: 2, rejectedLines: 1 });
    await expect(startUsageReportFromJson(w.licensee.owner.actor, { organizationId: w.licensee.organization.id, body: { quarter: "2026Q3", lines: [{ purpose: "TRAIN", units: 1 }, 42] } })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { "lines[1]": [expect.any(String)] } });
    await expect(startUsageReportFromJson(w.licensee.owner.actor, { organizationId: w.licensee.organization.id, body: { quarter: "2030Q1", lines: [{ purpose: "TRAIN", units: 1 }] } })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { quarter: [expect.stringMatching(/not begun/)] } });
    await expect(startUsageReportFromJson(w.licensee.owner.actor, { organizationId: w.licensee.organization.id, body: { quarter: "Q3", lines: [] } })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { quarter: [expect.any(String)], lines: [expect.any(String)] } });
    const other = await createOrganizationWithPeople("LICENSEE");
    await expect(w.read.call(null, started.id).then(() => getUsageReport(other.member.actor, { organizationId: other.organization.id, reportId: started.id }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(startUsageReport(w.rightsholder.owner.actor, { organizationId: w.licensee.organization.id, quarter: "2026Q3", fileName: "x.csv", body: bytesOf("x"), declaredSize: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("fails a file without the needed columns, with a clear message, and writes no lines", async () => {
    const w = await world();
    const started = await startUsageReport(w.licensee.member.actor, { organizationId: w.licensee.organization.id, quarter: "2026Q3", fileName: "bad.csv", body: bytesOf("isbn,count\n9780306406157,3\n"), declaredSize: 27 });
    expect(await runUsageReport(started.id)).toBe("failed");
    expect(await w.read(started.id)).toMatchObject({ status: "FAILED", errorMessage: expect.stringMatching(/^Line 1: The header has no "identifier or title" or "purpose" or "units" column/) });
    expect(await db.usageLine.count({ where: { reportId: started.id } })).toBe(0);
  });
});
