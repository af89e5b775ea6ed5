import { beforeAll, describe, expect, it } from "vitest";
import { decideEligibility, type EligibilityFacts } from "@/lib/usage/eligibility";
import { parseQuarter } from "@/lib/usage/quarters";
import type { PurposeCode } from "@/lib/coverage/coverage-rule";
import { db } from "@/server/db";
import { licenseTermsOf } from "@/server/coverage/license-terms";
import { runUsageReport } from "@/server/usage/run-usage-report";
import { startUsageReport } from "@/server/usage/start-usage-report";
import { getUsageReport, listUsageLineErrors, listUsageReportLines } from "@/server/usage/usage-reports.queries";
import { createOrganizationWithPeople, createStaffActor } from "../factories";
import { bytesOf, setUpTempImportStorage } from "../factories/imports";
import { createActiveGrant } from "../factories/licensing";
import { createWork, uniqueIsbn } from "../factories/works";

beforeAll(() => {
  setUpTempImportStorage();
});

const HEADER = "identifier,title,year,purpose,units";

async function licensee() {
  const org = await createOrganizationWithPeople("LICENSEE");
  await createActiveGrant(org.organization.id, { startsOn: "2026-02-10", endsOn: "2026-08-20" });
  const send = async (content: string | Buffer, quarter = "2026Q3") => {
    const size = typeof content === "string" ? Buffer.byteLength(content) : content.length;
    const started = await startUsageReport(org.member.actor, { organizationId: org.organization.id, quarter, fileName: "hostile.csv", body: bytesOf(content, 5), declaredSize: size });
    const outcome = await runUsageReport(started.id);
    const input = { organizationId: org.organization.id, reportId: started.id };
    return { outcome, report: await getUsageReport(org.member.actor, input), errors: await listUsageLineErrors(org.member.actor, input), lines: (await listUsageReportLines(org.member.actor, { ...input, take: 500 })).lines };
  };
  return { org, send };
}

describe("hostile usage files", () => {
  it("refuses binary and UTF-16 files at upload, and headerless or column-less files with a sentence", async () => {
    const { org } = await licensee();
    const up = (content: Buffer) => startUsageReport(org.member.actor, { organizationId: org.organization.id, quarter: "2026Q3", fileName: "x.csv", body: bytesOf(content), declaredSize: content.length });
    await expect(up(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/zip archive/) });
    await expect(up(Buffer.from("\ufeffidentifier", "utf16le"))).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/UTF-16/) });
    const { send } = await licensee();
    expect((await send("\n\n  \n")).report).toMatchObject({ status: "FAILED", errorMessage: expect.stringMatching(/The file is empty/) });
    expect((await send("identifier;purpose;units\n9780306406157;TRAIN;1\n")).report.errorMessage).toMatch(/seems to use ";" or tabs/);
  });

  it("keeps good lines around bad bytes, huge fields, NULs, formulas, odd line breaks and quotes", async () => {
    const { send } = await licensee();
    const isbn = uniqueIsbn();
    const file = Buffer.concat([
      Buffer.from(`\ufeff${HEADER}\r\n${isbn},,,TRAIN,1\r`),
      Buffer.from("caf\xe9,,,TRAIN,2\n", "latin1"),
      Buffer.from(`${isbn},"a ""quoted"" title, with comma",2001,RAG,3\n`),
      Buffer.from(`${"9".repeat(20_000)},,,TRAIN,4\n`),
      Buffer.from(`${isbn},x\u0000y,,TRAIN,5\n`),
      Buffer.from(`@SUM(A1),,,TRAIN,6\n`),
      Buffer.from(`${isbn},,,TRAIN,-7\n`),
      Buffer.from(`${isbn},,,TRAIN,99999999999999\n`),
      Buffer.from(`${isbn},"unclosed,,TRAIN,8\n`),
    ]);
    const { outcome, report, errors, lines } = await send(file);
    expect(outcome).toBe("processed");
    expect(report).toMatchObject({ totalLines: 9, acceptedLines: 2, rejectedLines: 7 });
    expect(lines.map((l) => [l.lineNumber, l.purpose, l.units])).toEqual([[2, "TRAIN", 1n], [4, "RAG", 3n]]);
    expect(errors.map((e) => e.lineNumber)).toEqual([3, 5, 6, 7, 8, 9, 10]);
    for (const e of errors) expect(e.reason.length).toBeGreaterThan(10);
    expect(await db.usageLine.count({ where: { reportId: report.id } })).toBe(2);
  });
});

describe("remembered decisions and the rule in SQL", () => {
  it("applies a staff decision remembered for the same raw identifier or title to a later report", async () => {
    const rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
    await db.rightsholderProfile.update({ where: { organizationId: rightsholder.organization.id }, data: { status: "APPROVED", approvedAt: new Date("2026-01-01T00:00:00Z") } });
    const work = await createWork(rightsholder.organization.id, { title: "Remembered Work" });
    await db.work.update({ where: { id: work.id }, data: { createdAt: new Date("2026-01-02T00:00:00Z") } });
    const admin = await createStaffActor("ADMIN");
    const unknownIsbn = uniqueIsbn();
    await db.matchDecision.create({ data: { rawKey: `id:ISBN13:${unknownIsbn}`, workId: work.id, decidedById: admin.userId } });
    const title = `never enrolled ${Math.random().toString(36).slice(2, 8)}`;
    await db.matchDecision.create({ data: { rawKey: `title:${title}|1999`, isRejected: true, decidedById: admin.userId } });
    const { send } = await licensee();
    const { lines } = await send(`${HEADER}\n${unknownIsbn},,,TRAIN,10\n,${title},1999,TRAIN,3\n`, "2026Q2");
    expect(lines.map((l) => [l.matchStatus, l.matchMethod, l.work?.id ?? null, l.eligibility, l.ineligibleReason])).toEqual([
      ["MATCHED", "REMEMBERED", work.id, "ELIGIBLE", null],
      ["REJECTED", "REMEMBERED", null, "INELIGIBLE", "NOT_MATCHED"],
    ]);
  });

  it("gives every line the eligibility the TypeScript rule gives, across works, purposes and quarters", async () => {
    const rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
    await db.rightsholderProfile.update({ where: { organizationId: rightsholder.organization.id }, data: { status: "APPROVED", approvedAt: new Date("2026-03-01T00:00:00Z") } });
    const variants: { createdAt: string; excludedFrom?: string; purposes?: PurposeCode[]; status?: "SUSPENDED" }[] = [
      { createdAt: "2026-01-02" }, { createdAt: "2026-05-15" }, { createdAt: "2026-08-25" }, { createdAt: "2026-01-02", excludedFrom: "2026-02-20" },
      { createdAt: "2026-01-02", excludedFrom: "2026-07-10" }, { createdAt: "2026-04-01", excludedFrom: "2026-04-01" }, { createdAt: "2026-01-02", purposes: ["RAG"] },
      { createdAt: "2026-01-02", status: "SUSPENDED" },
    ];
    const works = [];
    for (const v of variants) {
      const work = await createWork(rightsholder.organization.id, { purposes: v.purposes, excludedFrom: v.excludedFrom ? new Date(`${v.excludedFrom}T00:00:00Z`) : undefined });
      await db.work.update({ where: { id: work.id }, data: { createdAt: new Date(`${v.createdAt}T12:00:00Z`), status: v.status ?? "ENROLLED" } });
      works.push(await db.work.findUniqueOrThrow({ where: { id: work.id }, include: { identifiers: true } }));
    }
    const { org, send } = await licensee();
    const terms = await licenseTermsOf(org.organization.id);
    for (const quarter of ["2026Q1", "2026Q2", "2026Q3", "2026Q4"]) {
      const csv = [HEADER, ...works.flatMap((w) => ["TRAIN", "FINE_TUNE", "RAG"].map((p) => `${w.identifiers[0]!.value},,,${p},1`))].join("\n");
      const { lines } = await send(csv, quarter);
      for (const line of lines) {
        const work = works.find((w) => w.id === line.work?.id)!;
        const facts: EligibilityFacts = {
          licenseTerms: terms,
          work: { status: work.status, enrolledOn: work.createdAt.toISOString().slice(0, 10), rightsholderApprovedOn: "2026-03-01", excludedFrom: work.excludedFrom?.toISOString().slice(0, 10) ?? null, purposes: work.purposes as PurposeCode[] },
        };
        const rule = decideEligibility(facts, line.purpose as PurposeCode, parseQuarter(quarter)!);
        expect({ quarter, work: work.id, purpose: line.purpose, eligibility: line.eligibility, reason: line.ineligibleReason })
          .toEqual({ quarter, work: work.id, purpose: line.purpose, eligibility: rule.eligible ? "ELIGIBLE" : "INELIGIBLE", reason: rule.eligible ? null : rule.reason });
      }
    }
  });
});
