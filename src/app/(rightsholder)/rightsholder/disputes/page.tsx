import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DisputeStatusBadge, StatusTabs, disputeDate } from "@/components/disputes/dispute-status";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { listDisputes, type DisputeListItem } from "@/server/disputes/disputes.queries";
import { ZDisputeStatusFilter } from "@/server/disputes/disputes.schema";

export const metadata: Metadata = { title: "Disputes" };

function DisputeTable({ disputes, otherLabel }: { disputes: DisputeListItem[]; otherLabel: string }) {
  return (
    <DataTable columns={[{ label: "Identifier and your work" }, { label: otherLabel, className: "hidden md:table-cell" }, { label: "Status" }, { label: "Opened", className: "hidden sm:table-cell" }]}>
          {disputes.map((d) => (
            <tr key={d.id} className="hover:bg-slate-50">
              <td className="max-w-0 px-4 py-3">
                <Link href={`/rightsholder/disputes/${d.id}`} className="block truncate font-medium text-brand-700 hover:underline">
                  {d.identifier ?? "Dispute"}
                </Link>
                <span className="block truncate text-slate-600">{d.ourWork?.title ?? "—"}</span>
              </td>
              <td className="hidden px-4 py-3 text-slate-700 md:table-cell">
                {d.otherOrganizationName}
                {d.otherWorkTitle ? <span className="block truncate text-slate-500">{d.otherWorkTitle}</span> : null}
              </td>
              <td className="px-4 py-3"><DisputeStatusBadge status={d.status} /></td>
              <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 sm:table-cell">{disputeDate.format(d.openedAt)}</td>
            </tr>
          ))}
    </DataTable>
  );
}

export default async function DisputesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("/rightsholder/disputes", can.useRightsholderArea);
  const membership = currentMembership(actor, "RIGHTSHOLDER");
  if (!membership) notFound();
  const status = ZDisputeStatusFilter.parse((await searchParams).status ?? "OPEN");
  const disputes = await listDisputes(actor, membership.organizationId, { status });
  const onOurWorks = disputes.filter((d) => d.side === "holder");
  const ourClaims = disputes.filter((d) => d.side === "claimant");
  return (
    <>
      <PageHeader
        title="Disputes"
        description="When two rightsholders enroll the same identifier, the second claim becomes a dispute that staff resolve. Royalties for both works are held until then."
      />
      <StatusTabs basePath="/rightsholder/disputes" current={status} />
      {disputes.length === 0 ? (
        <EmptyState title={status === "OPEN" ? "No open disputes" : "No disputes here"}>
          {status === "OPEN"
            ? "Nobody is claiming an identifier of your works, and none of your enrollments collided with another rightsholder's."
            : "Nothing matches this filter."}
        </EmptyState>
      ) : (
        <div className="space-y-8">
          <section>
            <h2 className="mb-1 text-base font-semibold text-slate-900">Claims on your works</h2>
            <p className="mb-3 text-sm text-slate-600">Another rightsholder enrolled an identifier that one of your works holds.</p>
            {onOurWorks.length ? <DisputeTable disputes={onOurWorks} otherLabel="Claimed by" /> : <p className="text-sm text-slate-500">None.</p>}
          </section>
          <section>
            <h2 className="mb-1 text-base font-semibold text-slate-900">Your claims</h2>
            <p className="mb-3 text-sm text-slate-600">You enrolled an identifier another rightsholder&apos;s work holds; your work was kept without it.</p>
            {ourClaims.length ? <DisputeTable disputes={ourClaims} otherLabel="Held by" /> : <p className="text-sm text-slate-500">None.</p>}
          </section>
        </div>
      )}
    </>
  );
}
