import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { GrantStatusBadge } from "@/components/licensing/grant-status";
import { buttonClasses, LinkButton } from "@/components/ui/button";
import { formatDay } from "@/lib/dates";
import { lastDayOf } from "@/lib/licensing/term";
import { formatCents } from "@/lib/pricing/price-license";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { listLicensesForStaff } from "@/server/licensing/staff-licenses.queries";

export const metadata: Metadata = { title: "Licenses" };

export default async function StaffLicensesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("/staff/licenses", can.readLicenses);
  const query = await searchParams;
  const { q, page, hasNext, licenses } = await listLicensesForStaff(actor, { q: query.q, page: query.page });
  const pageLink = (n: number) => `/staff/licenses?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`;
  return (
    <>
      <PageHeader
        title="Licenses"
        description="Every licensee's grants, newest first, with what was paid and refunded. Open one to see its payments and history, or to refund, revoke or extend it."
        actions={can.administer(actor) ? <LinkButton href="/staff/licenses/new">Grant a license manually</LinkButton> : undefined}
      />
      <form method="get" action="/staff/licenses" className="mb-4 flex flex-wrap gap-2" role="search">
        <label htmlFor="q" className="sr-only">License number or organisation</label>
        <input id="q" name="q" defaultValue={q} placeholder="License number or organisation" className="w-72 rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500" />
        <button type="submit" className={buttonClasses("secondary")}>Search</button>
      </form>
      {licenses.length === 0 ? (
        <EmptyState title={q ? "No license matches" : "No licenses yet"}>{q ? "Try part of the license number or the organisation's name." : "Grants appear here once a licensee starts buying."}</EmptyState>
      ) : (
        <DataTable columns={[{ label: "License" }, { label: "Status" }, { label: "Term", className: "hidden md:table-cell" }, { label: "Fee", className: "hidden text-right sm:table-cell" }, { label: "Paid", className: "text-right" }, { label: "Refunded", className: "hidden text-right sm:table-cell" }]}>
          {licenses.map((l) => (
            <tr key={l.id} className="hover:bg-slate-50">
              <td className="px-4 py-3">
                <Link href={`/staff/licenses/${l.id}`} className="block whitespace-nowrap font-mono font-medium text-brand-700 hover:underline">{l.licenseNumber}</Link>
                <span className="block max-w-[16rem] truncate text-slate-600 sm:max-w-xs">{l.organization.name}</span>
              </td>
              <td className="px-4 py-3"><GrantStatusBadge status={l.status} autoRenew={l.autoRenew} /></td>
              <td className="hidden whitespace-nowrap px-4 py-3 text-slate-700 md:table-cell">{l.startsOn && l.endsOn ? `${formatDay(l.startsOn)} – ${formatDay(lastDayOf({ endsOn: l.endsOn }))}` : "—"}</td>
              <td className="hidden px-4 py-3 text-right tabular-nums text-slate-700 sm:table-cell">{formatCents(l.feeCents, l.currency)}</td>
              <td className="px-4 py-3 text-right tabular-nums text-slate-900">{formatCents(l.paidCents, l.currency)}</td>
              <td className="hidden px-4 py-3 text-right tabular-nums text-slate-700 sm:table-cell">{l.refundedCents > 0n ? formatCents(l.refundedCents, l.currency) : "—"}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav className="mt-4 flex gap-3 text-sm" aria-label="Pages">
        {page > 1 ? <Link href={pageLink(page - 1)} className="text-brand-700 hover:underline">← Newer</Link> : null}
        {hasNext ? <Link href={pageLink(page + 1)} className="text-brand-700 hover:underline">Older →</Link> : null}
      </nav>
    </>
  );
}
