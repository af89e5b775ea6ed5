import type { Metadata } from "next";
import Link from "next/link";
import { recalculateDistributionRunAction } from "@/app/_actions/distribution";
import { ApproveRunForm } from "@/components/distribution/approve-run-form";
import { ReconciliationList } from "@/components/distribution/reconciliation-list";
import { RunPayoutsTable } from "@/components/distribution/run-payouts-table";
import { RunSettingsCard } from "@/components/distribution/run-settings-card";
import { RunStatementsTable } from "@/components/distribution/run-statements-table";
import { RunStatusBadge } from "@/components/distribution/run-status-badge";
import { RunSummary } from "@/components/distribution/run-summary";
import { ActionButton } from "@/components/forms/action-button";
import { AutoRefresh } from "@/components/imports/auto-refresh";
import { ProgressBar } from "@/components/imports/progress-bar";
import { Card, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/lib/dates";
import { formatCents } from "@/lib/pricing/price-license";
import { orNotFoundPage, requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { getDistributionRun } from "@/server/distribution/distribution-runs.queries";
import { reconcileDistributionRun } from "@/server/distribution/reconciliation";
import { RUN_EXPORT_KINDS } from "@/server/distribution/run-exports";
import { listRunPayouts, listRunStatements } from "@/server/distribution/run-rows.queries";

export const metadata: Metadata = { title: "Distribution run" };

const EXPORT_LABELS: Record<(typeof RUN_EXPORT_KINDS)[number], string> = {
  statements: "Statements", allocations: "Allocations (every work, licensee and source)", payouts: "Payouts", "external-payees": "External co-owners to pay by hand",
};

export default async function StaffDistributionRunPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/staff/distributions/${id}`, can.readDistributionRuns);
  const run = await orNotFoundPage(() => getDistributionRun(actor, id));
  const query = await searchParams;
  const [checks, payouts, statements] = await Promise.all([
    run.isCalculated ? reconcileDistributionRun(actor, run.id) : Promise.resolve(null),
    listRunPayouts(actor, run.id, { status: query.payouts, cursor: query.payoutsAfter }),
    listRunStatements(actor, run.id, { search: query.q, cursor: query.statementsAfter }),
  ]);
  const isAdministrator = can.manageDistributionRuns(actor);
  return (
    <>
      {/* Quick while calculating; slower while paying, since each refresh sums the run's rows again. */}
      <AutoRefresh isActive={run.isMoving} everyMs={run.isCalculated ? 15_000 : 3_000} />
      <Link href="/staff/distributions" className="text-sm text-brand-700 hover:underline">← Distributions</Link>
      <div className="mb-6 mt-2 flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Distribution {run.quarterLabel}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {run.calculatedAt ? `Calculated ${formatDateTime(run.calculatedAt)}` : `Created ${formatDateTime(run.createdAt)}${run.createdBy ? ` by ${run.createdBy}` : ""}`}
            {run.approvedAt ? ` · approved ${formatDateTime(run.approvedAt)}${run.approvedBy ? ` by ${run.approvedBy}` : ""}` : ""}
            {run.paidAt ? ` · paid ${formatDateTime(run.paidAt)}` : ""}
          </p>
        </div>
        <span data-testid="run-status"><RunStatusBadge status={run.status} /></span>
      </div>

      {run.status === "PENDING" || run.status === "CALCULATING" ? (
        <Card className="mb-6">
          <p className="mb-2 text-sm text-slate-700">{run.progress.label ?? "Waiting for the calculation to start"} · {run.progress.percent}%</p>
          <ProgressBar percent={run.progress.percent} label="Calculation progress" />
        </Card>
      ) : null}
      {run.isStranded ? (
        <p className="mb-6 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="run-stranded">
          The calculation stopped: its worker ended during the last attempt, and nothing was saved. Recalculate to start it again.
        </p>
      ) : null}
      {run.status === "FAILED" && run.lastError ? <p className="mb-6 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">The calculation failed: {run.lastError}</p> : null}

      {isAdministrator && (run.canApprove || run.canRecalculate || run.status === "CALCULATED") ? (
        <Card className="mb-6">
          <CardTitle description="Check the reconciliation below first: approve only a run whose checks all pass.">Review</CardTitle>
          <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
            {run.canApprove ? (
              <ApproveRunForm runId={run.id} quarterLabel={run.quarterLabel} paid={formatCents(run.paidCents)} payees={run.counts.paid} />
            ) : run.status === "CALCULATED" && run.approveBlockedReason ? (
              <p className="text-sm text-amber-800">{run.approveBlockedReason}</p>
            ) : null}
            {run.canRecalculate ? <ActionButton action={recalculateDistributionRunAction} fields={{ runId: run.id }} label="Recalculate" pendingLabel="Queuing…" variant="secondary" /> : null}
          </div>
        </Card>
      ) : !isAdministrator && run.status === "CALCULATED" ? (
        <p className="mb-6 text-sm text-slate-600">Staff administrators approve or recalculate runs; analysts read them.</p>
      ) : null}

      {run.isCalculated ? <RunSummary run={run} /> : null}

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardTitle description="Every invariant of the run, summed over its rows: money in equals money out, each licensee's money follows its usage, each payee's ledger balances, each payout is made once.">
              Reconciliation
            </CardTitle>
            {checks ? <ReconciliationList checks={checks} /> : <p className="text-sm text-slate-600">Shown once the run is calculated.</p>}
          </Card>
          <RunSettingsCard settings={run.settings} />
        </div>
        <div className="space-y-6">
          <Card>
            <CardTitle description="CSV, amounts in cents.">Exports</CardTitle>
            <ul className="space-y-2 text-sm" data-testid="run-exports">
              {RUN_EXPORT_KINDS.map((kind) => (
                <li key={kind}><a href={`/api/distribution-runs/${run.id}/${kind}.csv`} className="text-brand-700 hover:underline">{EXPORT_LABELS[kind]}</a></li>
              ))}
            </ul>
          </Card>
        </div>
      </div>

      <section id="payouts" className="mt-8">
        <h2 className="mb-3 text-base font-semibold text-slate-900">Payouts</h2>
        <RunPayoutsTable runId={run.id} page={payouts} />
      </section>
      <section id="statements" className="mt-8">
        <h2 className="mb-3 text-base font-semibold text-slate-900">Statements</h2>
        <RunStatementsTable runId={run.id} page={statements} />
      </section>
    </>
  );
}
