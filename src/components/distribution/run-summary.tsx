import { formatCents } from "@/lib/pricing/price-license";
import type { DistributionRunView } from "@/server/distribution/distribution-runs.queries";
import { Stat } from "../ui/stat";

const number = new Intl.NumberFormat("en-US");
const plural = (n: number, word: string) => `${number.format(n)} ${word}${n === 1 ? "" : "s"}`;

/** The run's figures as cards: where the quarter's money came from and where it went. */
export function RunSummary({ run }: { run: DistributionRunView }) {
  const payouts = Object.values(run.payouts).reduce((n, p) => n + p.count, 0);
  return (
    <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4" data-testid="run-summary">
      <Stat label="Recognised revenue" value={formatCents(run.recognisedCents)} hint={run.heldInCents > 0n ? `plus ${formatCents(run.heldInCents)} pool held in` : undefined} />
      <Stat label="Administrative fees" value={formatCents(run.adminFeeCents)} />
      <Stat
        label="Allocated to works"
        value={formatCents(run.allocatedCents)}
        hint={run.releasedCents > 0n ? `including ${formatCents(run.releasedCents)} released from earlier disputes` : undefined}
      />
      <Stat label="General pool held out" value={formatCents(run.heldOutCents)} hint={run.heldOutCents > 0n ? "Nobody reported eligible usage: carried to the next quarter" : "Nothing held: the pool went to this quarter's usage"} />
      <Stat label="Paid to payees" value={formatCents(run.paidCents)} hint={plural(run.counts.paid, "payee")} />
      <Stat label="Tax withheld" value={formatCents(run.withheldCents)} />
      <Stat label="Carried to next quarter" value={formatCents(run.carriedOutCents)} hint={`${plural(run.counts.carried, "payee")}; ${formatCents(run.carriedInCents)} carried in`} />
      <Stat label="Held for disputes" value={formatCents(run.disputeHeldCents)} />
      <Stat label="External co-owners" value={formatCents(run.externalCents)} hint={`${plural(run.externalShares, "share")}, paid by hand`} />
      <Stat label="Statements" value={number.format(run.counts.statements)} hint={run.counts.blocked > 0 ? `${plural(run.counts.blocked, "payee")} without a payout account` : undefined} />
      <Stat label="Payouts paid" value={`${number.format(run.payouts.PAID.count)} of ${number.format(payouts)}`} hint={run.payouts.FAILED.count > 0 ? `${plural(run.payouts.FAILED.count, "payout")} failed` : undefined} />
    </dl>
  );
}
