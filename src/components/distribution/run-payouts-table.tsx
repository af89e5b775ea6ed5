import Link from "next/link";
import { retryPayoutAction } from "@/app/_actions/distribution";
import { formatDateTime } from "@/lib/dates";
import { formatCents } from "@/lib/pricing/price-license";
import type { listRunPayouts } from "@/server/distribution/run-rows.queries";
import { ActionButton } from "../forms/action-button";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { FilterTabs } from "../ui/filter-tabs";
import { PayoutStatusBadge } from "./run-status-badge";

type Page = Awaited<ReturnType<typeof listRunPayouts>>;

const FILTERS = [
  { value: "all", label: "All" }, { value: "PENDING", label: "Pending" }, { value: "SUBMITTED", label: "Sent" },
  { value: "PAID", label: "Paid" }, { value: "FAILED", label: "Failed" },
] as const;

/** The run's payouts, a page at a time, filtered by status; ADMIN retries a failed one. */
export function RunPayoutsTable({ runId, page }: { runId: string; page: Page }) {
  const base = `/staff/distributions/${runId}`;
  const next = page.nextCursor ? `${base}?${new URLSearchParams({ ...(page.status ? { payouts: page.status } : {}), payoutsAfter: page.nextCursor })}#payouts` : null;
  return (
    <>
      <FilterTabs basePath={base} param="payouts" current={page.status ?? "all"} options={FILTERS} />
      {page.payouts.length === 0 ? (
        <EmptyState title={page.status ? "No payouts with this status" : "No payouts"}>A payout is made for every statement whose balance reached the minimum payout.</EmptyState>
      ) : (
        <DataTable columns={[{ label: "Payee" }, { label: "Amount", className: "text-right" }, { label: "Status" }, { label: "Stripe", className: "hidden md:table-cell" }, { label: "Action", className: "text-right" }]}>
          {page.payouts.map((p) => (
            <tr key={p.id} data-testid="payout-row">
              <td className="max-w-[14rem] truncate px-4 py-3 font-medium text-slate-900">{p.rightsholderName}</td>
              <td className="px-4 py-3 text-right tabular-nums">{formatCents(p.amountCents, p.currency)}</td>
              <td className="px-4 py-3">
                <PayoutStatusBadge status={p.status} />
                {p.attempts > 0 ? <span className="ml-2 text-xs text-slate-500">{p.attempts} attempt{p.attempts === 1 ? "" : "s"}</span> : null}
                {p.lastError && p.status !== "PAID" ? <span className="mt-1 block text-xs text-red-700">{p.lastError}</span> : null}
              </td>
              <td className="hidden px-4 py-3 text-xs text-slate-600 md:table-cell">
                <span className="block font-mono">{p.stripeTransferId ?? p.stripeAccountId ?? "—"}</span>
                {p.paidAt ? <span className="block">{formatDateTime(p.paidAt)}</span> : null}
              </td>
              <td className="px-4 py-3 text-right">
                {p.canRetry ? <ActionButton action={retryPayoutAction} fields={{ payoutId: p.id, runId }} label="Retry" pendingLabel="Queuing…" variant="secondary" /> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {next ? <p className="mt-3 text-sm"><Link href={next} className="text-brand-700 hover:underline">More payouts →</Link></p> : null}
    </>
  );
}
