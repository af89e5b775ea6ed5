import { Badge } from "../ui/badge";

type Outcome = { paidCents: bigint; carriedOutCents: bigint; payoutBlockedReason: string | null; payout: { status: string } | null };

/** What happened to the quarter's balance: paid (and whether the transfer went out), carried, or held back. */
export function StatementOutcomeBadge({ statement }: { statement: Outcome }) {
  if (statement.paidCents > 0n) {
    const status = statement.payout?.status;
    if (status === "PAID") return <Badge tone="green">Paid</Badge>;
    if (status === "FAILED") return <Badge tone="red">Payout failed</Badge>;
    return <Badge tone="brand">Payout on its way</Badge>;
  }
  if (statement.payoutBlockedReason) return <Badge tone="amber">Carried: payout blocked</Badge>;
  if (statement.carriedOutCents > 0n) return <Badge tone="neutral">Carried forward</Badge>;
  return <Badge tone="neutral">Nothing due</Badge>;
}

export const statementDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
export const units = new Intl.NumberFormat("en-GB");
