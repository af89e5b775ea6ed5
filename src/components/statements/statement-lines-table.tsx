import { formatCents } from "@/lib/pricing/price-license";
import { formatShare } from "@/lib/works/co-owner-shares";
import type { StatementView } from "@/server/statements/statements.queries";
import { DisputeStatusBadge } from "../disputes/dispute-status";
import { DataTable } from "../ui/data-table";
import { RaiseDisputeForm } from "./raise-dispute-form";
import { statementDate, units } from "./statement-outcome";

const NUMBER = "whitespace-nowrap px-4 py-3 text-right tabular-nums";

/** The statement's lines, one per work, with each line's disputes and (while allowed) the dispute action. */
export function StatementLinesTable({ statement }: { statement: StatementView }) {
  return (
    <DataTable
      columns={[
        { label: "Work", className: "w-2/5" },
        { label: "Licensees", className: "hidden text-right lg:table-cell" },
        { label: "Units", className: "hidden text-right md:table-cell" },
        { label: "Gross", className: "hidden text-right sm:table-cell" },
        { label: "Admin fee", className: "hidden text-right lg:table-cell" },
        { label: "Withholding", className: "hidden text-right lg:table-cell" },
        { label: "Net", className: "text-right" },
        { label: "Disputes" },
      ]}
    >
      {statement.lines.map((line) => {
        const hasOpenDispute = line.disputes.some((d) => d.status === "OPEN");
        return (
          <tr key={line.id.toString()} className="align-top hover:bg-slate-50">
            <td className="min-w-48 px-4 py-3">
              <span className="line-clamp-2 font-medium text-slate-900" title={line.title}>{line.title}</span>
              <span className="block truncate font-mono text-xs text-slate-500">{line.identifier ?? "no identifier"}</span>
              {line.shareBps !== 10_000 ? <span className="block text-xs text-slate-500">Your share: {formatShare(line.shareBps)}%</span> : null}
            </td>
            <td className={`${NUMBER} hidden lg:table-cell`}>{units.format(line.licenseesCounted)}</td>
            <td className={`${NUMBER} hidden md:table-cell`}>{units.format(line.units)}</td>
            <td className={`${NUMBER} hidden sm:table-cell`}>{formatCents(line.grossCents)}</td>
            <td className={`${NUMBER} hidden lg:table-cell`}>{formatCents(line.adminFeeShareCents)}</td>
            <td className={`${NUMBER} hidden lg:table-cell`}>{formatCents(line.withholdingCents)}</td>
            <td className={`${NUMBER} font-medium text-slate-900`}>{formatCents(line.netCents)}</td>
            <td className="px-4 py-3">
              <ul className="space-y-1">
                {line.disputes.map((d) => (
                  <li key={d.id}>
                    <details className="text-sm">
                      <summary className="cursor-pointer">
                        <DisputeStatusBadge status={d.status} /> <span className="text-xs text-slate-500">{statementDate.format(d.openedAt)}</span>
                      </summary>
                      <p className="mt-1 whitespace-pre-line text-slate-600">You wrote: {d.reason}</p>
                      {d.resolvedAt ? (
                        <p className="mt-1 whitespace-pre-line text-slate-600">Staff, {statementDate.format(d.resolvedAt)}: {d.resolution}</p>
                      ) : (
                        <p className="mt-1 text-slate-500">Waiting for staff. The work&apos;s royalties in later runs are held meanwhile.</p>
                      )}
                    </details>
                  </li>
                ))}
              </ul>
              {statement.canDispute && !hasOpenDispute ? (
                <RaiseDisputeForm statementId={statement.id} statementLineId={line.id.toString()} title={line.title} />
              ) : null}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
