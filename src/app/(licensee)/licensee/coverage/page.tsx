import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SelectField, TextField } from "@/components/forms/fields";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { todayUtc } from "@/lib/works/work-input";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { checkCoverage, type CoverageResult } from "@/server/coverage/check-coverage";
import { isAppError, type FieldErrors } from "@/server/errors";

export const metadata: Metadata = { title: "Coverage" };

const PURPOSE_OPTIONS = [
  { value: "TRAIN", label: "Pre-training" },
  { value: "FINE_TUNE", label: "Fine-tuning" },
  { value: "RAG", label: "Retrieval (RAG)" },
];
const REASON_LABEL: Record<CoverageResult["reason"], string> = {
  COVERED: "Covered",
  NO_ACTIVE_LICENSE: "No license in force",
  NOT_ENROLLED: "Not in the repertoire",
  EXCLUDED: "Excluded",
  PURPOSE_NOT_PERMITTED: "Purpose not permitted",
  DISPUTED: "Disputed",
};

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
                <Badge tone={result.covered ? "green" : result.reason === "DISPUTED" || result.reason === "EXCLUDED" ? "amber" : "red"}>{REASON_LABEL[result.reason]}</Badge>
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
    </>
  );
}
