import { formatCents } from "@/lib/pricing/price-license";
import type { ProjectedPayout } from "@/server/statements/projected-payout";
import { ProgressBar } from "../imports/progress-bar";
import { Badge } from "../ui/badge";
import { Card, CardTitle } from "../ui/card";

/** A percentage of the threshold on integers, capped at 100 for the bar. */
function percentOf(cents: bigint, threshold: bigint): number {
  if (threshold <= 0n) return 100;
  return Number((cents * 100n) / threshold);
}

/** The quarter in progress: balance carried now, the ESTIMATE on top of it, and the threshold that will apply. */
export function ProjectedPayoutCard({ projection }: { projection: ProjectedPayout }) {
  const p = projection;
  return (
    <Card>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <CardTitle description={`What ${p.quarter}, the quarter in progress, may bring. An estimate, not a statement: the run after the quarter ends decides.`}>
          Projected payout
        </CardTitle>
        <Badge tone="amber">Estimate</Badge>
      </div>
      <dl className="grid gap-4 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-slate-600">Balance carried now</dt>
          <dd className="mt-1 text-xl font-semibold tabular-nums text-slate-900">{formatCents(p.carriedCents)}</dd>
          <dd className="text-xs text-slate-500">{p.carriedFromQuarter ? `Carried out of your ${p.carriedFromQuarter} statement` : "No statement yet"}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Estimated royalties for {p.quarter}</dt>
          <dd className="mt-1 text-xl font-semibold tabular-nums text-slate-900">≈ {formatCents(p.estimateCents)}</dd>
          <dd className="text-xs text-slate-500">
            {p.basedOnQuarter
              ? `Your share of the ${p.basedOnQuarter} run applied to this quarter's license revenue, less the administrative fee`
              : "No approved run yet to base an estimate on"}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Payout threshold for {p.quarter}</dt>
          <dd className="mt-1 text-xl font-semibold tabular-nums text-slate-900">{formatCents(p.thresholdCents)}</dd>
          <dd className="text-xs text-slate-500">{p.isYearEnd ? "The lower threshold of the financial year's last quarter" : "Balances below it are carried forward"}</dd>
        </div>
      </dl>
      <div className="mt-5">
        <div className="mb-1 flex justify-between text-sm">
          <span className="text-slate-700">Projected balance {formatCents(p.projectedBalanceCents)}</span>
          <span className="text-slate-600">{percentOf(p.projectedBalanceCents, p.thresholdCents)}% of the threshold</span>
        </div>
        <ProgressBar percent={percentOf(p.projectedBalanceCents, p.thresholdCents)} label="Projected balance against the payout threshold" tone={p.wouldBePaid ? "green" : "brand"} />
        <p className="mt-2 text-sm text-slate-600">
          {p.wouldBePaid
            ? "At this estimate your balance reaches the threshold and would be paid after the quarter's run is approved."
            : p.projectedBalanceCents === 0n
              ? "Nothing is projected yet: royalties follow the usage licensees report for your works."
              : `${formatCents(p.projectedShortfallCents)} short of the threshold at this estimate (${formatCents(p.carriedShortfallCents)} from the balance carried now); below it, the balance is carried to the next quarter.`}
        </p>
        {p.isPreviousQuarterPending ? (
          <p className="mt-2 text-xs text-slate-500">The last quarter&apos;s run is not approved yet, so its royalties are not in the balance above.</p>
        ) : null}
      </div>
    </Card>
  );
}
