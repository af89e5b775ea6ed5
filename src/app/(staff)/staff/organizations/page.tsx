import type { Metadata } from "next";
import Link from "next/link";
import { KindBadge, StateBadge, formatCount } from "@/components/staff-organizations/organization-badges";
import { Pager } from "@/components/staff-organizations/pager";
import { buttonClasses } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { listOrganizationsForStaff } from "@/server/organizations/staff-organizations.queries";

export const metadata: Metadata = { title: "Organisations" };

const SELECT = "rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500";

export default async function StaffOrganizationsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("/staff/organizations", can.readStaffArea);
  const { query, total, hasNext, organizations } = await listOrganizationsForStaff(actor, await searchParams);
  const filters = { ...(query.q ? { q: query.q } : {}), ...(query.kind !== "ALL" ? { kind: query.kind } : {}), ...(query.state !== "ALL" ? { state: query.state } : {}) };
  const pageLink = (n: number) => `/staff/organizations?${new URLSearchParams({ ...filters, page: String(n) })}`;
  const csvLink = `/staff/organizations/export.csv?${new URLSearchParams(filters)}`;
  return (
    <>
      <PageHeader
        title="Organisations"
        description="Every licensee and rightsholder, by name. Open one to read its profile, members, licenses, reports and statements; staff never act as the organisation."
        actions={<a href={csvLink} className={buttonClasses("secondary")}>Download CSV</a>}
      />
      <form method="get" action="/staff/organizations" className="mb-4 flex flex-wrap items-end gap-2" role="search">
        <label htmlFor="q" className="sr-only">Name, legal name or member email</label>
        <input id="q" name="q" defaultValue={query.q ?? ""} placeholder="Name, legal name or member email" className={`w-72 ${SELECT}`} />
        <label htmlFor="kind" className="sr-only">Kind</label>
        <select id="kind" name="kind" defaultValue={query.kind} className={SELECT}>
          <option value="ALL">Every kind</option>
          <option value="LICENSEE">Licensees</option>
          <option value="RIGHTSHOLDER">Rightsholders</option>
        </select>
        <label htmlFor="state" className="sr-only">State</label>
        <select id="state" name="state" defaultValue={query.state} className={SELECT}>
          <option value="ALL">Active and suspended</option>
          <option value="ACTIVE">Active</option>
          <option value="SUSPENDED">Suspended</option>
        </select>
        <button type="submit" className={buttonClasses("secondary")}>Search</button>
      </form>
      <p className="mb-2 text-sm text-slate-600" data-testid="organizations-total">{formatCount(total)} organisation{total === 1 ? "" : "s"}</p>
      {organizations.length === 0 ? (
        <EmptyState title="No organisation matches">Try part of the name, the legal name or a member&apos;s email, or clear the filters.</EmptyState>
      ) : (
        <DataTable columns={[
          { label: "Organisation" }, { label: "Kind", className: "hidden sm:table-cell" }, { label: "State" }, { label: "Members", className: "hidden text-right md:table-cell" },
          { label: "Active licenses", className: "hidden text-right md:table-cell" }, { label: "Works", className: "hidden text-right md:table-cell" }, { label: "Open disputes", className: "text-right" },
        ]}>
          {organizations.map((o) => (
            <tr key={o.id} className="hover:bg-slate-50" data-testid="organization-row">
              <td className="px-4 py-3">
                <Link href={`/staff/organizations/${o.id}`} className="font-medium text-brand-700 hover:underline">{o.name}</Link>
                {o.legalName && o.legalName !== o.name ? <span className="block max-w-xs truncate text-xs text-slate-500">{o.legalName}</span> : null}
              </td>
              <td className="hidden px-4 py-3 sm:table-cell"><KindBadge kind={o.kind} /></td>
              <td className="px-4 py-3"><StateBadge isSuspended={o.isSuspended} /></td>
              <td className="hidden px-4 py-3 text-right tabular-nums md:table-cell">{formatCount(o.counts.members)}</td>
              <td className="hidden px-4 py-3 text-right tabular-nums md:table-cell">{o.kind === "LICENSEE" ? formatCount(o.counts.activeGrants) : "—"}</td>
              <td className="hidden px-4 py-3 text-right tabular-nums md:table-cell">{o.kind === "RIGHTSHOLDER" ? formatCount(o.counts.works) : "—"}</td>
              <td className="px-4 py-3 text-right tabular-nums">{o.counts.openDisputes > 0 ? formatCount(o.counts.openDisputes) : "—"}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager page={query.page} hasNext={hasNext} hrefFor={pageLink} />
    </>
  );
}
