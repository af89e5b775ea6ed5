import "server-only";
import { SYSTEM } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { enqueueMail } from "../mail/outbox";
import { importFinishedMail } from "../mail/templates";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";
import { worksImportEventData } from "../webhooks/webhook-event-data";

export type ImportFailure = { line: number | null; message: string };

/**
 * Ends an import, once: COMPLETED, or FAILED with the reason (and the line it concerns in the error
 * rows), then tells the uploader by mail and in the app, with the audit row, all in one
 * transaction. Only the run whose processedRows is still current gets past the conditional
 * update, so the mail goes out exactly once. `processedRows` undefined: whatever was committed.
 */
export async function finishWorksImport(importId: string, end: { processedRows?: number; failure: ImportFailure | null }): Promise<boolean> {
  const { failure } = end;
  return db.$transaction(async (tx) => {
    const current = await tx.worksImport.findUnique({ where: { id: importId } });
    if (!current || current.status === "COMPLETED" || current.status === "FAILED") return false;
    const processedRows = end.processedRows ?? current.processedRows;
    let errorMessage: string | null = null;
    if (failure) {
      errorMessage = failure.message;
      if (processedRows > 0) {
        errorMessage += ` The ${processedRows.toLocaleString("en-GB")} row${processedRows === 1 ? "" : "s"} before ${failure.line ? `line ${failure.line}` : "that"} were imported (counted below); after fixing the file, upload it again: rows already imported will show as unchanged.`;
      }
    }
    const status = failure ? "FAILED" : "COMPLETED";
    const updated = await tx.worksImport.updateMany({
      where: { id: importId, status: { in: ["QUEUED", "PROCESSING"] }, processedRows },
      data: {
        status,
        errorMessage,
        totalRows: processedRows,
        finishedAt: new Date(),
        ...(failure ? {} : { bytesProcessed: current.fileSize }),
      },
    });
    if (updated.count !== 1) return false;
    if (failure?.line) {
      await tx.importError.createMany({
        data: [{ importId, lineNumber: failure.line, reason: failure.message.slice(0, 2000) }],
        skipDuplicates: true,
      });
    }
    const counts = {
      created: current.createdCount,
      updated: current.updatedCount,
      unchanged: current.unchangedCount,
      rejected: current.rejectedCount,
      disputed: current.disputedCount,
    };
    await writeAudit(tx, SYSTEM, {
      action: failure ? "works-import.failed" : "works-import.completed",
      entityType: "WorksImport",
      entityId: importId,
      organizationId: current.organizationId,
      before: { status: current.status },
      after: { status, fileName: current.fileName, rows: processedRows, ...counts, errorMessage },
    });
    await emitWebhookEvent(tx, { organizationId: current.organizationId, type: "import.finished", data: () => worksImportEventData(tx, importId) });
    const uploader = current.createdById
      ? await tx.user.findUnique({ where: { id: current.createdById }, select: { id: true, email: true, name: true, isActive: true } })
      : null;
    if (uploader?.isActive) {
      const n = (value: number) => value.toLocaleString("en-GB");
      await tx.notification.create({
        data: {
          userId: uploader.id,
          title: failure ? `Import stopped: ${current.fileName}` : `Import finished: ${current.fileName}`,
          body: failure
            ? (errorMessage ?? "See the import page.").slice(0, 500)
            : `${n(counts.created)} created, ${n(counts.updated)} updated, ${n(counts.unchanged)} unchanged, ${n(counts.rejected)} rejected.`,
          href: `/rightsholder/imports/${importId}`,
        },
      });
      await enqueueMail(
        tx,
        importFinishedMail(uploader.email, uploader.name, {
          id: importId,
          fileName: current.fileName,
          isFailed: failure !== null,
          errorMessage,
          rows: processedRows,
          counts,
        }),
      );
    }
    return true;
  });
}
