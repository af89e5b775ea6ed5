import Link from "next/link";
import { formatDateTime } from "@/lib/dates";
import type { DeliverySummary } from "@/server/webhooks/webhooks.queries";
import { Badge } from "../ui/badge";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { DELIVERY_STATUS } from "./webhook-labels";

const COLUMNS = [
  { label: "Event" },
  { label: "Status" },
  { label: "Attempts", className: "hidden sm:table-cell" },
  { label: "Last answer", className: "hidden md:table-cell" },
  { label: "Created", className: "hidden lg:table-cell" },
];

/** An endpoint's deliveries, newest first, a page at a time (`?before=<id>`). */
export function DeliveriesTable({ deliveries, endpointPath, nextBefore, isFirstPage }: { deliveries: DeliverySummary[]; endpointPath: string; nextBefore: string | null; isFirstPage: boolean }) {
  if (deliveries.length === 0) {
    return <EmptyState title={isFirstPage ? "No deliveries yet" : "No older deliveries"}>{isFirstPage ? "Events sent to this endpoint appear here, with what it answered." : null}</EmptyState>;
  }
  return (
    <div className="space-y-3">
      <DataTable columns={COLUMNS}>
        {deliveries.map((d) => (
          <tr key={d.id} data-testid="webhook-delivery-row">
            <td className="px-4 py-3">
              <Link href={`${endpointPath}/deliveries/${d.id}`} className="font-mono text-xs font-medium text-brand-700 hover:underline">
                {d.eventType}
              </Link>
              {d.resentFromId ? <span className="ml-2 text-xs text-slate-500">resent</span> : null}
            </td>
            <td className="px-4 py-3">
              <Badge tone={DELIVERY_STATUS[d.status].tone}>{DELIVERY_STATUS[d.status].label}</Badge>
              {d.status === "PENDING" && d.nextAttemptAt && d.attempts > 0 ? <p className="mt-1 text-xs text-slate-500">next try {formatDateTime(d.nextAttemptAt)}</p> : null}
            </td>
            <td className="hidden px-4 py-3 tabular-nums sm:table-cell">{d.attempts}</td>
            <td className="hidden px-4 py-3 text-xs text-slate-600 md:table-cell">
              {d.lastAttemptAt ? (
                <>
                  {d.lastResponseStatus ? `HTTP ${d.lastResponseStatus}` : (d.lastError ?? "no answer").slice(0, 60)}
                  <br />
                  {formatDateTime(d.lastAttemptAt)}
                </>
              ) : (
                "not tried yet"
              )}
            </td>
            <td className="hidden px-4 py-3 text-xs text-slate-600 lg:table-cell">{formatDateTime(d.createdAt)}</td>
          </tr>
        ))}
      </DataTable>
      <nav aria-label="Pages of deliveries" className="flex gap-3 text-sm">
        {!isFirstPage ? <Link className="font-medium text-brand-700 hover:underline" href={endpointPath}>Newest</Link> : null}
        {nextBefore ? <Link className="font-medium text-brand-700 hover:underline" href={`${endpointPath}?before=${nextBefore}`}>Older deliveries</Link> : null}
      </nav>
    </div>
  );
}
