import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CoverageCheckProgress } from "@/components/coverage/coverage-check-progress";
import { CoverageResultColumns } from "@/components/coverage/coverage-file-format";
import { PURPOSE_LABEL } from "@/components/coverage/coverage-labels";
import { formatFileSize } from "@/components/imports/import-status";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime, formatDay } from "@/lib/dates";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { coverageCheckJson } from "@/server/coverage/coverage-checks-http";
import { getCoverageCheck } from "@/server/coverage/coverage-checks.queries";
import { isAppError } from "@/server/errors";

export const metadata: Metadata = { title: "Coverage check" };

export default async function CoverageCheckPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/licensee/coverage/checks/${id}`, can.useLicenseeArea);
  const membership = currentMembership(actor, "LICENSEE");
  if (!membership) notFound();
  const check = await getCoverageCheck(actor, { organizationId: membership.organizationId, checkId: id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <>
      <Link href="/licensee/coverage" className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline">
        <span aria-hidden="true">←</span> Coverage
      </Link>
      <PageHeader
        title={check.source === "API" ? "Coverage check from the API" : check.fileName}
        description={`${PURPOSE_LABEL[check.purpose]} on ${formatDay(check.date)} (unless a line says otherwise) · ${formatFileSize(check.fileSize)} · started ${formatDateTime(new Date(check.createdAt))}`}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card className="self-start">
          <CardTitle>Answers</CardTitle>
          <CoverageCheckProgress initial={coverageCheckJson(check, { self: `/api/coverage-checks/${id}`, result: `/api/coverage-checks/${id}/result` })} />
        </Card>
        <Card className="self-start">
          <CardTitle description="One line per identifier line of your file, in the same order, with the same answer the single check gives.">The result file</CardTitle>
          <CoverageResultColumns />
        </Card>
      </div>
    </>
  );
}
