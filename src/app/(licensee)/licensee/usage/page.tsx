import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatCount } from "@/components/imports/import-status";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { REPORT_STATUS } from "@/components/usage/usage-labels";
import { UsageReportUploader } from "@/components/usage/usage-report-uploader";
import { formatDateTime, formatDay } from "@/lib/dates";
import { describeQuarter, parseQuarter, previousQuarter, quarterOf } from "@/lib/usage/quarters";
import { todayUtc } from "@/lib/works/work-input";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { listUsageReports } from "@/server/usage/usage-reports.queries";
import { USAGE_COLUMNS, USAGE_LIMITS } from "@/server/usage/usage-reports.schema";

export const metadata: Metadata = { title: "Usage reports" };

type Params = Record<string, string | string[] | undefined>;

export default async function UsageReportsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePageActor("/licensee/usage", can.useLicenseeArea);
  const membership = currentMembership(actor, "LICENSEE");
  if (!membership) notFound();
  const reports = await listUsageReports(actor, membership.organizationId);
  // This quarter and the eight before it; the last one ended is the one usually reported.
  const quarters = [quarterOf(todayUtc())];
  while (quarters.length < 9) quarters.push(previousQuarter(quarters.at(-1)!));
  const options = quarters.map((q) => {
    const current = reports.find((r) => r.quarter === q.code && r.status !== "REPLACED" && !r.isAdjustment);
    return { code: q.code, label: `${describeQuarter(q)}${current ? " · reported" : ""}`, current: current ? { submittedOn: formatDay(current.submittedAt.toISOString().slice(0, 10)), isLocked: current.lockedAt !== null } : null };
  });
  const asked = typeof (await searchParams).quarter === "string" ? parseQuarter((await searchParams).quarter as string) : null;
  const initialQuarter = asked && options.some((o) => o.code === asked.code) ? asked.code : quarters[1]!.code;
  return (
    <>
      <PageHeader
        title="Usage reports"
        description="Each quarter, report which works of the repertoire your AI systems used, for which purpose and how much. The license fees, less the administrative fee, are shared among those works' rightsholders in proportion to what licensees report."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card className="self-start">
          <CardTitle description={<>A CSV file, one line per work and purpose. <a href="/api/usage-reports/template" className="font-medium text-brand-700 underline" download>Download the template</a>. Your systems can send the same with <code className="font-mono text-xs">POST /api/v1/usage-reports</code>.</>}>
            Report a quarter
          </CardTitle>
          <div id="upload">
            <UsageReportUploader quarters={options} initialQuarter={initialQuarter} maxBytes={USAGE_LIMITS.maxFileBytes} />
          </div>
        </Card>
        <Card className="self-start">
          <CardTitle>The columns</CardTitle>
          <dl className="space-y-2 text-sm">
            {USAGE_COLUMNS.map((c) => (
              <div key={c.name}>
                <dt><code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-800">{c.name}</code></dt>
                <dd className="mt-0.5 text-slate-600">{c.description} <span className="text-slate-500">e.g. {c.example}</span></dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 text-sm text-slate-600">Lines for the same work and purpose are added up. A line that can&apos;t be read is listed with its line number and reason; the others are kept.</p>
        </Card>
      </div>

      <h2 className="mb-3 mt-10 text-lg font-semibold text-slate-900">Your reports</h2>
      {reports.length === 0 ? (
        <EmptyState title="No reports yet">Report the last quarter above; you can replace a report until that quarter&apos;s royalties are approved.</EmptyState>
      ) : (
        <DataTable columns={[{ label: "Quarter" }, { label: "Status" }, { label: "Lines", className: "text-right" }, { label: "Refused", className: "hidden text-right sm:table-cell" }, { label: "Sent", className: "hidden md:table-cell" }]}>
          {reports.map((r) => (
            <tr key={r.id} className={r.status === "REPLACED" ? "text-slate-500" : undefined} data-testid="usage-report-row">
              <td className="px-4 py-3">
                <Link href={`/licensee/usage/${r.id}`} className="font-medium text-brand-700 hover:underline">{describeQuarter(parseQuarter(r.quarter)!)}</Link>
                <span className="block text-xs text-slate-500">{r.source === "API" ? "From the API" : r.fileName}{r.isAdjustment ? " · adjustment" : ""}</span>
              </td>
              <td className="px-4 py-3"><Badge tone={REPORT_STATUS[r.status]!.tone}>{REPORT_STATUS[r.status]!.label}</Badge></td>
              <td className="px-4 py-3 text-right tabular-nums">{formatCount(r.acceptedLines)}</td>
              <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">{formatCount(r.rejectedLines)}</td>
              <td className="hidden px-4 py-3 text-slate-600 md:table-cell">{formatDateTime(r.submittedAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
