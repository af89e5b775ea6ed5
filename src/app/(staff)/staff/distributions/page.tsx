import type { Metadata } from "next";
import Link from "next/link";
import { CreateRunForm } from "@/components/distribution/create-run-form";
import { RunStatusBadge } from "@/components/distribution/run-status-badge";
import { AutoRefresh } from "@/components/imports/auto-refresh";
import { ProgressBar } from "@/components/imports/progress-bar";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatCents } from "@/lib/pricing/price-license";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { listDistributionRuns, listQuartersWithoutRun } from "@/server/distribution/distribution-runs.queries";

export const metadata: Metadata = { title: "Distributions" };

const number = new Intl.NumberFormat("en-US");

export default async function StaffDistributionsPage() {
  const actor = await requirePageActor("/staff/distributions", can.readDistributionRuns);
  const canCreate = can.manageDistributionRuns(actor);
  const [runs, quarters] = await Promise.all([listDistributionRuns(actor), canCreate ? listQuartersWithoutRun(actor) : Promise.resolve([])]);
  return (
    <>
      <PageHeader
        title="Distributions"
        description="One run per quarter: the quarter's revenue, less the administrative fee, allocated to the works licensees used, and settled per payee. A run is calculated, reviewed against its reconciliation, approved (final), then paid."
      />
      <AutoRefresh isActive={runs.some((r) => r.isMoving)} everyMs={3_000} />
      {canCreate ? (
        <Card className="mb-6">
          <CardTitle description="Runs are created on their own 15 days after a quarter ends; create one earlier, or for a quarter that has none, here. The calculation runs in the background.">
            Calculate a run
          </CardTitle>
          {quarters.length > 0 ? <CreateRunForm quarters={quarters} /> : <p className="text-sm text-slate-600">Every closed quarter has a run.</p>}
        </Card>
      ) : (
        <p className="mb-6 text-sm text-slate-600">Analysts read runs and their reconciliation; staff administrators create, recalculate and approve them.</p>
      )}
      {runs.length === 0 ? (
        <EmptyState title="No distribution runs yet">The first run appears once a quarter with license revenue has ended{canCreate ? ", or when you calculate one above" : ""}.</EmptyState>
      ) : (
        <DataTable
          columns={[
            { label: "Quarter" }, { label: "Status" }, { label: "Recognised", className: "hidden text-right sm:table-cell" },
            { label: "Allocated", className: "hidden text-right md:table-cell" }, { label: "Paid", className: "text-right" }, { label: "Payees", className: "hidden text-right sm:table-cell" },
          ]}
        >
          {runs.map((run) => (
            <tr key={run.id} className="hover:bg-slate-50" data-testid="run-row">
              <td className="px-4 py-3">
                <Link href={`/staff/distributions/${run.id}`} className="font-mono font-medium text-brand-700 hover:underline">{run.quarter}</Link>
              </td>
              <td className="px-4 py-3">
                <RunStatusBadge status={run.status} />
                {run.status === "CALCULATING" ? (
                  <div className="mt-2 w-40">
                    <ProgressBar percent={run.progress.percent} label={`Calculating ${run.quarter}`} />
                    <span className="mt-1 block text-xs text-slate-500">{run.progress.label ?? "Starting"} · {run.progress.percent}%</span>
                  </div>
                ) : null}
              </td>
              <td className="hidden px-4 py-3 text-right tabular-nums text-slate-700 sm:table-cell">{formatCents(run.recognisedCents)}</td>
              <td className="hidden px-4 py-3 text-right tabular-nums text-slate-700 md:table-cell">{formatCents(run.allocatedCents)}</td>
              <td className="px-4 py-3 text-right tabular-nums text-slate-900">{formatCents(run.paidCents)}</td>
              <td className="hidden px-4 py-3 text-right tabular-nums text-slate-700 sm:table-cell">{number.format(run.counts.statements)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
