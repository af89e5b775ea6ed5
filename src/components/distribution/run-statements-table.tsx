import Link from "next/link";
import { formatCents } from "@/lib/pricing/price-license";
import type { listRunStatements } from "@/server/distribution/run-rows.queries";
import { buttonClasses } from "../ui/button";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { formatBps, PayoutStatusBadge } from "./run-status-badge";

type Page = Awaited<ReturnType<typeof listRunStatements>>;

/** The run's statements, a page at a time, searchable by payee name. */
export function RunStatementsTable({ runId, page }: { runId: string; page: Page }) {
  const base = `/staff/distributions/${runId}`;
  const next = page.nextCursor ? `${base}?${new URLSearchParams({ ...(page.search ? { q: page.search } : {}), statementsAfter: page.nextCursor })}#statements` : null;
  return (
    <>
      <form method="get" action={`${base}#statements`} className="mb-4 flex flex-wrap gap-2" role="search">
        <label htmlFor="statement-search" className="sr-only">Payee name</label>
        <input id="statement-search" name="q" defaultValue={page.search} placeholder="Payee name" className="w-72 rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500" />
        <button type="submit" className={buttonClasses("secondary")}>Search</button>
      </form>
      {page.statements.length === 0 ? (
        <EmptyState title={page.search ? "No statement matches" : "No statements"}>{page.search ? "Try part of the payee's name." : "Statements are written when the run is calculated."}</EmptyState>
      ) : (
        <DataTable
          columns={[
            { label: "Payee" }, { label: "Carried in", className: "hidden text-right lg:table-cell" }, { label: "Allocated", className: "text-right" },
            { label: "Withheld", className: "hidden text-right md:table-cell" }, { label: "Paid", className: "text-right" },
            { label: "Carried out", className: "hidden text-right sm:table-cell" }, { label: "Payout", className: "hidden md:table-cell" },
          ]}
        >
          {page.statements.map((s) => (
            <tr key={s.id} data-testid="statement-row">
              <td className="max-w-[16rem] px-4 py-3">
                <span className="block truncate font-medium text-slate-900">{s.rightsholderName}</span>
                <span className="block text-xs text-slate-500">
                  {s.lines} work{s.lines === 1 ? "" : "s"}{s.withholdingBps > 0 ? ` · withholding ${formatBps(s.withholdingBps)}` : ""}
                  {s.heldCents > 0n ? ` · ${formatCents(s.heldCents)} held for disputes` : ""}
                </span>
              </td>
              <td className="hidden px-4 py-3 text-right tabular-nums text-slate-700 lg:table-cell">{formatCents(s.carriedInCents)}</td>
              <td className="px-4 py-3 text-right tabular-nums">{formatCents(s.allocatedCents)}</td>
              <td className="hidden px-4 py-3 text-right tabular-nums text-slate-700 md:table-cell">{formatCents(s.withheldCents)}</td>
              <td className="px-4 py-3 text-right tabular-nums font-medium text-slate-900">{formatCents(s.paidCents)}</td>
              <td className="hidden px-4 py-3 text-right tabular-nums text-slate-700 sm:table-cell">{formatCents(s.carriedOutCents)}</td>
              <td className="hidden px-4 py-3 md:table-cell">
                {s.payoutStatus ? <PayoutStatusBadge status={s.payoutStatus} /> : <span className="text-xs text-slate-500">{s.payoutBlockedReason ?? (s.carriedOutCents > 0n ? "Carried: below the minimum payout" : "—")}</span>}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {next ? <p className="mt-3 text-sm"><Link href={next} className="text-brand-700 hover:underline">More statements →</Link></p> : null}
    </>
  );
}
