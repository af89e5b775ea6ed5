import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatCount } from "@/components/imports/import-status";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { FilterTabs } from "@/components/ui/filter-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { UsageLinesTable } from "@/components/usage/usage-lines-table";
import { REPORT_STATUS } from "@/components/usage/usage-labels";
import { UsageReportProgress } from "@/components/usage/usage-report-progress";
import { formatDateTime } from "@/lib/dates";
import { INELIGIBLE_MESSAGES } from "@/lib/usage/eligibility";
import { describeQuarter, parseQuarter } from "@/lib/usage/quarters";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { isAppError } from "@/server/errors";
import { getUsageReport, LINE_FILTERS, listUsageLineErrors, listUsageReportLines, type LineFilter } from "@/server/usage/usage-reports.queries";

export const metadata: Metadata = { title: "Usage report" };

type Params = Record<string, string | string[] | undefined>;
const FILTER_LABELS: Record<LineFilter, string> = { all: "All lines", eligible: "Count", ineligible: "Don't count", open: "Waiting for staff" };
const units = (n: bigint) => n.toLocaleString("en-GB");

export default async function UsageReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Params> }) {
  const { id } = await params;
  const query = await searchParams;
  const actor = await requirePageActor(`/licensee/usage/${id}`, can.useLicenseeArea);
  const membership = currentMembership(actor, "LICENSEE");
  if (!membership) notFound();
  const input = { organizationId: membership.organizationId, reportId: id };
  const report = await getUsageReport(actor, input).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const filter = (LINE_FILTERS as readonly string[]).includes(String(query.filter)) ? (query.filter as LineFilter) : "all";
  const after = Number(query.after ?? 0) || undefined;
  const isDone = report.status === "PROCESSED" || report.status === "REPLACED";
  const page = isDone ? await listUsageReportLines(actor, { ...input, filter, after, take: 50 }) : null;
  const errors = report.rejectedLines > 0 ? await listUsageLineErrors(actor, { ...input, take: 50 }) : [];
  const quarter = parseQuarter(report.quarter)!;
  const s = report.summary;
  return (
    <>
      <Link href="/licensee/usage" className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline">
        <span aria-hidden="true">←</span> Usage reports
      </Link>
      <PageHeader
        title={`Usage in ${describeQuarter(quarter)}`}
        description={`${report.source === "API" ? "Sent through the API" : report.fileName} · ${formatDateTime(report.submittedAt)}${report.isAdjustment ? " · an adjustment for the next distribution" : ""}`}
        actions={<Badge tone={REPORT_STATUS[report.status]!.tone}>{REPORT_STATUS[report.status]!.label}</Badge>}
      />
      <div className="space-y-6">
        {report.status === "REPLACED" && report.replacedById ? (
          <p className="rounded-lg bg-slate-100 px-4 py-3 text-sm text-slate-700">This report was replaced. <Link className="font-medium text-brand-700 underline" href={`/licensee/usage/${report.replacedById}`}>See the report that replaced it</Link>.</p>
        ) : null}
        {report.lockedAt ? <p className="rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-900 ring-1 ring-brand-100">This quarter&apos;s royalties are approved: the report is locked. A correction uploaded now is an adjustment, counted in the next distribution.</p> : null}
        {report.status === "RECEIVED" || report.status === "PROCESSING" ? (
          <Card><UsageReportProgress initial={{ id: report.id, status: report.status, percent: report.percent, errorMessage: report.errorMessage }} /></Card>
        ) : null}
        {report.status === "FAILED" ? (
          <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200">{report.errorMessage} <Link className="font-medium underline" href={`/licensee/usage?quarter=${report.quarter}#upload`}>Upload it again</Link></p>
        ) : null}
        {isDone ? (
          <>
            <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="usage-summary">
              <Stat label="Lines read" value={formatCount(report.totalLines)} hint={`${formatCount(report.rejectedLines)} refused${report.summedLines > 0 ? ` · ${formatCount(report.summedLines)} added to another line of the same work and purpose` : ""}`} />
              <Stat label="Matched to works" value={formatCount(s.matched.lines)} hint={`${units(s.matched.units)} units · ${formatCount(s.open.lines)} waiting for staff`} />
              <Stat label="Count toward royalties" value={formatCount(s.eligible.lines)} hint={`${units(s.eligible.units)} units`} />
              <Stat label="Don't count" value={formatCount(s.ineligible.lines)} hint={`${units(s.ineligible.units)} units`} />
            </dl>
            {s.ineligibleByReason.length > 0 ? (
              <Card>
                <CardTitle>Why some lines don&apos;t count</CardTitle>
                <ul className="space-y-2 text-sm">
                  {s.ineligibleByReason.map((r) => (
                    <li key={r.reason} className="flex justify-between gap-4"><span className="text-slate-700">{INELIGIBLE_MESSAGES[r.reason]}</span><span className="shrink-0 tabular-nums text-slate-900">{formatCount(r.lines)} line{r.lines === 1 ? "" : "s"}</span></li>
                  ))}
                </ul>
              </Card>
            ) : null}
            <Card>
              <CardTitle description="Each line as reported (lines of the same work and purpose added up), the work it was matched to, and whether it counts.">Lines</CardTitle>
              <FilterTabs basePath={`/licensee/usage/${report.id}`} param="filter" current={filter} options={LINE_FILTERS.map((value) => ({ value, label: FILTER_LABELS[value] }))} />
              <UsageLinesTable lines={page!.lines} />
              {page!.nextAfter !== null ? <Link className={buttonClasses("secondary", "mt-4")} href={`/licensee/usage/${report.id}?filter=${filter}&after=${page!.nextAfter}`}>Next lines</Link> : null}
            </Card>
          </>
        ) : null}
        {errors.length > 0 ? (
          <Card>
            <CardTitle description="Fix these lines in your file and upload it again for the same quarter: the new report replaces this one.">Refused lines</CardTitle>
            <div className="mb-4 flex flex-wrap gap-3">
              <a href={`/api/usage-reports/${report.id}/errors`} download className={buttonClasses("secondary")}>Download the refused lines (CSV)</a>
              {report.status !== "REPLACED" ? <Link href={`/licensee/usage?quarter=${report.quarter}#upload`} className={buttonClasses("primary")}>Upload a corrected file</Link> : null}
            </div>
            <ul className="divide-y divide-slate-100 text-sm" data-testid="usage-errors">
              {errors.map((e) => (
                <li key={e.lineNumber} className="grid grid-cols-[4rem_minmax(0,1fr)] gap-3 py-2">
                  <span className="tabular-nums text-slate-500">Line {e.lineNumber}</span>
                  <span><span className="text-slate-900">{e.reason}</span>{e.rawLine ? <code className="mt-0.5 block truncate text-xs text-slate-500">{e.rawLine}</code> : null}</span>
                </li>
              ))}
            </ul>
            {report.rejectedLines > errors.length ? <p className="mt-3 text-xs text-slate-500">The first {errors.length} of {formatCount(report.rejectedLines)}; the file has them all.</p> : null}
          </Card>
        ) : null}
      </div>
    </>
  );
}
