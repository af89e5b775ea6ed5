import { formatCents } from "@/lib/pricing/price-license";
import type { RunSettingsSnapshot } from "@/server/distribution/distribution-runs.queries";
import { Card, CardTitle } from "../ui/card";
import { formatBps } from "./run-status-badge";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The settings the run was calculated with, as they were then (a later change never rewrites it). */
export function RunSettingsCard({ settings }: { settings: RunSettingsSnapshot | null }) {
  return (
    <Card>
      <CardTitle description="Kept on the run when it was calculated: later changes to the settings never change it.">Settings used</CardTitle>
      {settings ? (
        <dl className="grid gap-3 text-sm sm:grid-cols-3" data-testid="run-settings">
          <div><dt className="text-slate-500">Administrative fee</dt><dd className="text-slate-900">{formatBps(settings.adminFeeBps)}</dd></div>
          <div>
            <dt className="text-slate-500">Minimum payout applied</dt>
            <dd className="text-slate-900">{formatCents(settings.thresholdAppliedCents)}{settings.isYearEnd ? " (financial year end)" : ""}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Minimum payout, usual / year end</dt>
            <dd className="text-slate-900">{formatCents(settings.thresholdCents)} / {formatCents(settings.yearEndThresholdCents)}</dd>
          </div>
          <div><dt className="text-slate-500">Financial year ends</dt><dd className="text-slate-900">End of {MONTHS[settings.financialYearEndMonth - 1] ?? `month ${settings.financialYearEndMonth}`}</dd></div>
          <div>
            <dt className="text-slate-500">Withholding without a valid tax form</dt>
            <dd className="text-slate-900">{formatBps(settings.domesticWithholdingBps)} domestic, {formatBps(settings.foreignWithholdingBps)} foreign</dd>
          </div>
        </dl>
      ) : (
        <p className="text-sm text-slate-600">Recorded once the run is calculated.</p>
      )}
    </Card>
  );
}
