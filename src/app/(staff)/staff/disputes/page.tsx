import type { Metadata } from "next";
import Link from "next/link";
import { DisputeStatusBadge, StatusTabs, daysOpen, disputeDate } from "@/components/disputes/dispute-status";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { listDisputeQueue } from "@/server/disputes/disputes.queries";
import { ZDisputeStatusFilter } from "@/server/disputes/disputes.schema";

export const metadata: Metadata = { title: "Disputes" };

export default async function StaffDisputesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("/staff/disputes", can.readStaffArea);
  const status = ZDisputeStatusFilter.parse((await searchParams).status ?? "OPEN");
  const { disputes, openCount } = await listDisputeQueue(actor, { status });
  return (
    <>
      <PageHeader
        title="Disputes"
        description={`${openCount} open. Two rightsholders claim the same identifier; royalties for both works are held until a decision. Oldest first.`}
      />
      <StatusTabs basePath="/staff/disputes" current={status} />
      {disputes.length === 0 ? (
        <EmptyState title={status === "OPEN" ? "The queue is empty" : "No disputes here"}>
          {status === "OPEN" ? "No identifier is claimed by two rightsholders right now." : "Nothing matches this filter."}
        </EmptyState>
      ) : (
        <DataTable columns={[{ label: "Identifier and work" }, { label: "Holder → claimant", className: "hidden md:table-cell" }, { label: "Status" }, { label: "Opened", className: "hidden sm:table-cell" }]}>
              {disputes.map((d) => (
                <tr key={d.id} className="hover:bg-slate-50">
                  <td className="max-w-0 px-4 py-3">
                    <Link href={`/staff/disputes/${d.id}`} className="block truncate font-medium text-brand-700 hover:underline">
                      {d.identifier ?? "Dispute"}
                    </Link>
                    <span className="block truncate text-slate-600">{d.workTitle}</span>
                  </td>
                  <td className="hidden px-4 py-3 text-slate-700 md:table-cell">
                    {d.holderName} <span className="text-slate-400">→</span> {d.claimantName}
                  </td>
                  <td className="px-4 py-3"><DisputeStatusBadge status={d.status} /></td>
                  <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 sm:table-cell">
                    {disputeDate.format(d.openedAt)}
                    {d.status === "OPEN" ? <span className="block text-xs text-slate-500">{daysOpen(d.openedAt)} days open</span> : null}
                  </td>
                </tr>
              ))}
        </DataTable>
      )}
    </>
  );
}
