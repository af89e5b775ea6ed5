import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatFileSize } from "@/components/imports/import-status";
import { ImportErrors } from "@/components/imports/import-errors";
import { ImportLiveProgress } from "@/components/imports/import-live-progress";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { isAppError } from "@/server/errors";
import { getWorksImport, listImportErrors } from "@/server/imports/imports.queries";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Import" };


const ERRORS_SHOWN = 50;

export default async function RightsholderImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/rightsholder/imports/${id}`, can.useRightsholderArea);
  const membership = currentMembership(actor, "RIGHTSHOLDER");
  if (!membership) notFound();
  const input = { organizationId: membership.organizationId, importId: id };
  const found = await getWorksImport(actor, input).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const errors = found.errorRowCount > 0 ? await listImportErrors(actor, { ...input, take: ERRORS_SHOWN }) : [];
  return (
    <>
      <Link href="/rightsholder/imports" className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline">
        <span aria-hidden="true">←</span> All imports
      </Link>
      <PageHeader
        title={found.fileName}
        description={`${found.format === "ONIX" ? "ONIX 3.0" : "CSV"} · ${formatFileSize(found.fileSize)} · uploaded ${formatDateTime(found.createdAt)}${found.createdByName ? ` by ${found.createdByName}` : ""}`}
      />
      <div className="space-y-6">
        {found.sameFileImportedAt ? (
          <p className="rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-900 ring-1 ring-brand-100" data-testid="same-file-note">
            You imported this same file on {formatDateTime(found.sameFileImportedAt)}. Works that have not changed since are counted as
            unchanged; nothing is enrolled twice.
          </p>
        ) : null}
        <Card>
          <CardTitle>Progress</CardTitle>
          <ImportLiveProgress
            initial={{
              id: found.id,
              status: found.status,
              isActive: found.isActive,
              percent: found.percent,
              processedRows: found.processedRows,
              counts: found.counts,
              errorMessage: found.errorMessage,
              startedAt: found.startedAt?.toISOString() ?? null,
              finishedAt: found.finishedAt?.toISOString() ?? null,
            }}
          />
        </Card>
        <Card>
          <CardTitle description="Rejected lines, and lines enrolled with a dispute because another rightsholder holds one of their identifiers.">
            Lines to look at
          </CardTitle>
          {errors.length > 0 ? (
            <ImportErrors importId={found.id} errors={errors} total={found.errorRowCount} />
          ) : (
            <p className="text-sm text-slate-600">
              {found.isActive ? "Lines with problems are listed here once the import is done." : "None: every line was imported as written."}
            </p>
          )}
        </Card>
      </div>
    </>
  );
}
