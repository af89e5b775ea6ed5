import "server-only";
import type { Tx } from "../db";
import { appUrl } from "../env";
import { verificationUrl } from "../licensing/verify-license";
import type { WebhookEventData } from "./webhook-events";

// The objects of the events (webhook-events.ts), read inside the transaction that emits them so
// they show the change being committed. Each is called only when some endpoint listens.

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export async function licenseEventData(tx: Tx, grantId: string): Promise<WebhookEventData<"license.activated">> {
  const g = await tx.licenseGrant.findUniqueOrThrow({
    where: { id: grantId },
    select: { id: true, licenseNumber: true, status: true, startsOn: true, endsOn: true, feeCents: true, currency: true, autoRenew: true, previousGrantId: true, verificationCode: true },
  });
  return {
    object: "license",
    id: g.id,
    licenseNumber: g.licenseNumber,
    status: g.status,
    startsOn: day(g.startsOn),
    endsOn: day(g.endsOn),
    feeCents: g.feeCents.toString(),
    currency: g.currency,
    autoRenew: g.autoRenew,
    previousLicenseId: g.previousGrantId,
    verificationUrl: verificationUrl(g.verificationCode),
    links: { api: null, portal: `${appUrl()}/licensee` },
  };
}

export async function licenseExpiringEventData(tx: Tx, grantId: string, facts: { daysLeft: number; renewsAutomatically: boolean }): Promise<WebhookEventData<"license.expiring">> {
  return { ...(await licenseEventData(tx, grantId)), ...facts };
}

export async function worksImportEventData(tx: Tx, importId: string): Promise<WebhookEventData<"import.finished">> {
  const i = await tx.worksImport.findUniqueOrThrow({
    where: { id: importId },
    select: { id: true, status: true, format: true, fileName: true, totalRows: true, processedRows: true, createdCount: true, updatedCount: true, unchangedCount: true, rejectedCount: true, disputedCount: true, errorMessage: true },
  });
  if (i.status !== "COMPLETED" && i.status !== "FAILED") throw new Error(`Import ${importId} has not finished.`);
  return {
    object: "works_import",
    id: i.id,
    status: i.status,
    format: i.format,
    fileName: i.fileName,
    rows: i.totalRows ?? i.processedRows,
    counts: { created: i.createdCount, updated: i.updatedCount, unchanged: i.unchangedCount, rejected: i.rejectedCount, disputed: i.disputedCount },
    errorMessage: i.errorMessage,
    links: { api: null, portal: `${appUrl()}/rightsholder/imports/${i.id}` },
  };
}

type UsageReportRow = { id: string; quarter: string; source: "FILE" | "API"; isAdjustment: boolean; totalLines: number; acceptedLines: number; rejectedLines: number; summedLines: number; errorMessage: string | null };

/**
 * Built from the report row as it is being committed (the usage job's transaction is a `pg` one,
 * so it passes the row with the counts it is writing rather than reading it back).
 */
export function usageReportEventData(report: UsageReportRow, status: "PROCESSED" | "FAILED"): WebhookEventData<"usage_report.processed"> {
  return {
    object: "usage_report",
    id: report.id,
    quarter: report.quarter,
    status,
    source: report.source,
    isAdjustment: report.isAdjustment,
    counts: { lines: report.totalLines, accepted: report.acceptedLines, rejected: report.rejectedLines, summed: report.summedLines },
    errorMessage: report.errorMessage,
    links: { api: `${appUrl()}/api/v1/usage-reports/${report.id}`, portal: `${appUrl()}/licensee/usage/${report.id}` },
  };
}

/** One statement.ready event per statement, for a batch of statements of one run. */
export async function statementReadyEvents(tx: Tx, statementIds: string[]) {
  const statements = await tx.statement.findMany({
    where: { id: { in: statementIds } },
    orderBy: { id: "asc" },
    select: { id: true, runId: true, rightsholderId: true, grossCents: true, withheldCents: true, paidCents: true, carriedOutCents: true, payoutBlockedReason: true, run: { select: { quarter: true } } },
  });
  return statements.map((s) => ({
    organizationId: s.rightsholderId,
    type: "statement.ready" as const,
    data: {
      object: "statement" as const,
      id: s.id,
      runId: s.runId,
      quarter: s.run.quarter,
      currency: "USD" as const,
      grossCents: s.grossCents.toString(),
      withheldCents: s.withheldCents.toString(),
      paidCents: s.paidCents.toString(),
      carriedOutCents: s.carriedOutCents.toString(),
      payoutBlockedReason: s.payoutBlockedReason,
      links: { api: `${appUrl()}/api/v1/statements/${s.id}`, portal: `${appUrl()}/rightsholder/statements/${s.id}` },
    },
  }));
}
