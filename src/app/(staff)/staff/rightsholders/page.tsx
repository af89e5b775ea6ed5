import type { Metadata } from "next";
import Link from "next/link";
import { ParticipationStatusBadge } from "@/components/participation/standing";
import { DataTable } from "@/components/ui/data-table";
import { FilterTabs } from "@/components/ui/filter-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { listRightsholdersForReview } from "@/server/participation/participation.queries";

export const metadata: Metadata = { title: "Rightsholders" };

const FILTERS = [
  ["PENDING_APPROVAL", "Waiting for review"],
  ["DRAFT", "Not submitted"],
  ["REJECTED", "Changes requested"],
  ["APPROVED", "Approved"],
  ["SUSPENDED", "Suspended"],
  ["ALL", "All"],
] as const;
const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const TAX = { MISSING: "none", VALID: "valid", EXPIRED: "expired", AWAITING_REVIEW: "to check" } as const;

export default async function StaffRightsholdersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("/staff/rightsholders", can.readStaffArea);
  const { status, counts, rightsholders } = await listRightsholdersForReview(actor, { status: (await searchParams).status });
  return (
    <>
      <PageHeader
        title="Rightsholders"
        description="Participation reviews: a rightsholder's works enter the licensed repertoire once an administrator approves it. Oldest submissions first."
      />
      <FilterTabs
        basePath="/staff/rightsholders"
        current={status}
        options={FILTERS.map(([value, label]) => ({ value, label: value !== "ALL" && counts[value] ? `${label} · ${counts[value]}` : label }))}
      />
      {rightsholders.length === 0 ? (
        <EmptyState title={status === "PENDING_APPROVAL" ? "Nobody is waiting for review" : "No rightsholders here"}>
          {status === "PENDING_APPROVAL" ? "New submissions appear here, oldest first." : "Nothing matches this filter."}
        </EmptyState>
      ) : (
        <DataTable columns={[{ label: "Rightsholder" }, { label: "Status" }, { label: "Payouts · tax form", className: "hidden md:table-cell" }, { label: "Works", className: "hidden text-right sm:table-cell" }, { label: "Submitted", className: "hidden lg:table-cell" }]}>
              {rightsholders.map((r) => (
                <tr key={r.organizationId} className="hover:bg-slate-50">
                  <td className="max-w-0 px-4 py-3">
                    <Link href={`/staff/rightsholders/${r.organizationId}`} className="block truncate font-medium text-brand-700 hover:underline">{r.name}</Link>
                    <span className="block truncate text-slate-600">{r.legalName ?? "No legal name yet"}{r.country ? ` · ${r.country}` : ""}</span>
                  </td>
                  <td className="px-4 py-3"><ParticipationStatusBadge status={r.status} /></td>
                  <td className="hidden px-4 py-3 text-slate-700 md:table-cell">{r.payoutsEnabled ? "enabled" : "not yet"} · {TAX[r.tax.state]}</td>
                  <td className="hidden px-4 py-3 text-right tabular-nums text-slate-700 sm:table-cell">{r.works}</td>
                  <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 lg:table-cell">{r.submittedAt ? when.format(r.submittedAt) : "—"}</td>
                </tr>
              ))}
        </DataTable>
      )}
    </>
  );
}
