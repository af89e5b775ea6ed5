// Usage reports for tests, written straight through Prisma as the processing job leaves them:
// a report with its lines, each line's identifier and title normalised as the job does.
import { randomInt } from "node:crypto";
import type { MatchStatus, Purpose, UsageReportStatus } from "@/generated/prisma/enums";
import { detectIdentifier } from "@/lib/identifiers";
import { normalizeTitle } from "@/lib/titles";
import { db } from "@/server/db";

export type TestLine = {
  identifier?: string;
  title?: string;
  year?: number;
  purpose?: Purpose;
  units?: bigint;
  matchStatus?: MatchStatus;
  workId?: number;
};

/** A title no other test uses: the queue is shared by every test file, so each finds its own groups by it. */
export function uniqueTitle(prefix = "Unmatched title"): string {
  return `${prefix} ${randomInt(0, 1e9).toString(36)}`;
}

export async function createUsageReport(
  organizationId: string,
  options: { quarter?: string; status?: UsageReportStatus; lockedAt?: Date; submittedAt?: Date; isAdjustment?: boolean; lines: TestLine[] },
) {
  const report = await db.usageReport.create({
    data: {
      organizationId,
      quarter: options.quarter ?? "2026Q2",
      source: "FILE",
      status: options.status ?? "PROCESSED",
      isAdjustment: options.isAdjustment ?? false,
      lockedAt: options.lockedAt ?? null,
      submittedAt: options.submittedAt ?? new Date(),
      processedAt: new Date(),
      totalLines: options.lines.length,
      acceptedLines: options.lines.length,
      processedLines: options.lines.length,
      percent: 100,
    },
  });
  await db.usageLine.createMany({
    data: options.lines.map((line, index) => {
      const identifier = line.identifier ? detectIdentifier(line.identifier) : null;
      const matchStatus = line.matchStatus ?? (line.workId ? "MATCHED" : "UNMATCHED");
      return {
        reportId: report.id,
        lineNumber: index + 1,
        rawIdentifier: line.identifier ?? null,
        rawTitle: line.title ?? null,
        rawYear: line.year ?? null,
        purpose: line.purpose ?? "TRAIN",
        units: line.units ?? 1000n,
        identifierType: identifier?.ok ? identifier.type : null,
        normalizedIdentifier: identifier?.ok ? identifier.value : null,
        normalizedTitle: line.title ? normalizeTitle(line.title) : null,
        matchStatus,
        matchMethod: matchStatus === "MATCHED" ? "IDENTIFIER" : null,
        workId: line.workId ?? null,
      };
    }),
  });
  const lines = await db.usageLine.findMany({ where: { reportId: report.id }, orderBy: { lineNumber: "asc" } });
  return { report, lines };
}
