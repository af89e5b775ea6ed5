import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SelectField, TextField } from "@/components/forms/fields";
import { CoverageCheckUploader } from "@/components/coverage/coverage-check-uploader";
import { CoverageInputFormat } from "@/components/coverage/coverage-file-format";
import { PURPOSE_LABEL, PURPOSE_OPTIONS, REASON_LABEL, REASON_TONE } from "@/components/coverage/coverage-labels";
import { formatCount } from "@/components/imports/import-status";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime, formatDay } from "@/lib/dates";
import { todayUtc } from "@/lib/works/work-input";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { checkCoverage, type CoverageResult } from "@/server/coverage/check-coverage";
import { listCoverageChecks } from "@/server/coverage/coverage-checks.queries";
import { COVERAGE_CHECK_LIMITS } from "@/server/coverage/coverage-checks.schema";
import { isAppError, type FieldErrors } from "@/server/errors";

export const metadata: Metadata = { title: "Coverage" };

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function CoveragePage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePageActor("/licensee/coverage", can.useLicenseeArea);
  const membership = currentMembership(actor, "LICENSEE");
  if (!membership) notFound();
  const params = await searchParams;
  const asked = { identifier: one(params.identifier), purpose: one(params.purpose) || "TRAIN", date: one(params.date) || todayUtc() };
  let result: CoverageResult | null = null;
  let fieldErrors: FieldErrors = {};
  let message: string | null = null;
  if (asked.identifier) {
    try {
      result = await checkCoverage(actor, { organizationId: membership.organizationId, ...asked });
    } catch (error) {
      if (!isAppError(error)) throw error;
      fieldErrors = error.fieldErrors ?? {};
      message = error.message;
    }
  }
  const checks = await listCoverageChecks(actor, { organizationId: membership.organizationId, take: 10 });
  return (
    <>
      <PageHeader
        title="Coverage"
        description="Is a work covered by your license? A work is covered on a day for a purpose when your license is in force, the work is in the repertoire and not excluded, and its rightsholder permits that purpose."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <CardTitle description="One work at a time here; your systems can ask GET /api/v1/coverage with an API key.">Check a work</CardTitle>
          <form method="get" action="/licensee/coverage" className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <TextField label="Identifier" name="identifier" defaultValue={asked.identifier} errors={fieldErrors.identifier} hint="ISBN (10 or 13), ISSN, DOI or URL." placeholder="978-0-306-40615-7" required />
            </div>
            <SelectField label="Purpose" name="purpose" defaultValue={asked.purpose} errors={fieldErrors.purpose} options={PURPOSE_OPTIONS} />
            <TextField label="On" name="date" type="date" defaultValue={asked.date} errors={fieldErrors.date} />
            <div className="sm:col-span-2">
              <button type="submit" className={buttonClasses("primary")}>Check coverage</button>
            </div>
          </form>
          {message && !result ? <p role="alert" className="mt-5 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">{message}</p> : null}
        </Card>
        {result ? (
          <Card className="self-start">
            <div data-testid="coverage-result">
              <div className="flex items-center justify-between gap-2">
                <h2 className="text-base font-semibold text-slate-900">{result.covered ? "Yes, covered" : "Not covered"}</h2>
                <Badge tone={REASON_TONE[result.reason]}>{REASON_LABEL[result.reason]}</Badge>
              </div>
              <p className="mt-2 text-sm text-slate-700">{result.message}</p>
              <dl className="mt-4 space-y-2 text-sm">
                <div><dt className="text-slate-500">Identifier</dt><dd className="font-mono text-slate-900">{result.identifier.type === "ISBN13" ? "ISBN" : result.identifier.type} {result.identifier.value}</dd></div>
                {result.work ? (
                  <div><dt className="text-slate-500">Work</dt><dd className="text-slate-900">{result.work.title} <span className="text-slate-500">· {result.work.rightsholder}</span></dd></div>
                ) : null}
              </dl>
            </div>
          </Card>
        ) : null}
      </div>

      <section className="mt-10" aria-labelledby="bulk-heading">
        <h2 id="bulk-heading" className="text-lg font-semibold text-slate-900">Check many works at once</h2>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          Upload a file of up to {COVERAGE_CHECK_LIMITS.maxLines.toLocaleString("en-GB")} identifiers; every line gets an answer in a result file you can download. Your systems can do the same with <code className="font-mono text-xs">POST /api/v1/coverage/bulk</code>.
        </p>
        <div className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <Card className="self-start">
            <CoverageCheckUploader maxBytes={COVERAGE_CHECK_LIMITS.maxFileBytes} today={todayUtc()} />
          </Card>
          <Card className="self-start">
            <CardTitle>What the file may hold</CardTitle>
            <CoverageInputFormat />
          </Card>
        </div>
        {checks.length > 0 ? (
          <div className="mt-6" data-testid="coverage-checks">
            <h3 className="mb-3 text-sm font-semibold text-slate-900">Recent checks</h3>
            <DataTable columns={[{ label: "File" }, { label: "Checked for", className: "hidden md:table-cell" }, { label: "Status" }, { label: "Covered", className: "text-right" }, { label: "Not covered", className: "hidden text-right sm:table-cell" }, { label: "Started", className: "hidden lg:table-cell" }]}>
              {checks.map((c) => (
                <tr key={c.id}>
                  <td className="px-4 py-3">
                    <Link href={`/licensee/coverage/checks/${c.id}`} className="font-medium text-brand-700 hover:underline">{c.source === "API" ? "From the API" : c.fileName}</Link>
                    {c.lineCount !== null ? <span className="block text-xs text-slate-500">{formatCount(c.lineCount)} identifiers</span> : null}
                  </td>
                  <td className="hidden px-4 py-3 text-slate-700 md:table-cell">{PURPOSE_LABEL[c.purpose]} · {formatDay(c.date)}</td>
                  <td className="px-4 py-3">
                    <Badge tone={c.status === "COMPLETED" ? "green" : c.status === "FAILED" ? "red" : "brand"}>
                      {c.status === "COMPLETED" ? "Done" : c.status === "FAILED" ? "Stopped" : c.status === "QUEUED" ? "Waiting" : `Checking ${c.percent}%`}
                    </Badge>
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums text-slate-900">{c.status === "COMPLETED" ? formatCount(c.counts.covered) : "–"}</td>
                  <td className="hidden px-4 py-3 text-right tabular-nums text-slate-900 sm:table-cell">{c.status === "COMPLETED" ? formatCount(c.counts.notCovered) : "–"}</td>
                  <td className="hidden px-4 py-3 text-slate-600 lg:table-cell">{formatDateTime(new Date(c.createdAt))}</td>
                </tr>
              ))}
            </DataTable>
          </div>
        ) : null}
      </section>
    </>
  );
}
