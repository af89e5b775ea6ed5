import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BarChart } from "@/components/statements/bar-chart";
import { ProjectedPayoutCard } from "@/components/statements/projected-payout-card";
import { QuarterChart } from "@/components/statements/quarter-chart";
import { StatementOutcomeBadge, statementDate } from "@/components/statements/statement-outcome";
import { buttonClasses } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { formatCents } from "@/lib/pricing/price-license";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { projectedPayout } from "@/server/statements/projected-payout";
import { listStatements, statementCharts } from "@/server/statements/statements.queries";

export const metadata: Metadata = { title: "Statements" };

export default async function StatementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("/rightsholder/statements", can.useRightsholderArea);
  const membership = currentMembership(actor, "RIGHTSHOLDER");
  if (!membership) notFound();
  const raw = (await searchParams).page;
  const pageNumber = Math.max(1, Number.parseInt(Array.isArray(raw) ? (raw[0] ?? "1") : (raw ?? "1"), 10) || 1);
  const [list, projection, charts] = await Promise.all([
    listStatements(actor, membership.organizationId, pageNumber),
    projectedPayout(actor, membership.organizationId),
    statementCharts(actor, membership.organizationId),
  ]);

  return (
    <>
      <PageHeader
        title="Statements"
        description={`${membership.organizationName}'s royalty statements: one per quarter, with a line for every work that earned royalties, what was paid and what was carried forward.`}
      />
      <div className="space-y-6">
        <ProjectedPayoutCard projection={projection} />
        {list.count === 0 ? (
          <EmptyState title="No statements yet">
            A statement is made for every quarter in which licensees report usage of your works. A few weeks after the quarter
            ends the distribution run is calculated and checked by staff; once it is approved your statement appears here and
            your owners receive an email. Balances below the payout threshold are carried forward to the next quarter.
          </EmptyState>
        ) : (
          <>
            <dl className="grid gap-4 sm:grid-cols-3">
              <Stat label="Allocated to date" value={formatCents(list.totals.allocatedCents)} hint="After the administrative fee, before tax withholding" />
              <Stat label="Paid to date" value={formatCents(list.totals.paidCents)} />
              <Stat label="Withheld for tax to date" value={formatCents(list.totals.withheldCents)} />
            </dl>
            <div className="grid gap-6 lg:grid-cols-2">
              <QuarterChart quarters={charts.byQuarter} />
              <BarChart
                title="Top works"
                description="The ten works that earned most over the same runs."
                bars={charts.topWorks.map((w) => ({ key: String(w.workId), label: w.title, cents: w.allocatedCents, detail: w.identifier ?? undefined }))}
                emptyText="No work earned royalties in these runs."
              />
              <BarChart
                title="By purpose"
                description="Estimated for display: each allocation is spread over the purposes of the usage behind it, by units."
                bars={charts.byPurpose}
                emptyText="No royalties to show."
              />
              <BarChart
                title="By licensee industry"
                description="Where the money came from. The general pool is the revenue of licensees that reported no usage."
                bars={charts.byIndustry}
                emptyText="No royalties to show."
              />
            </div>
            <section>
              <h2 className="mb-3 text-base font-semibold text-slate-900">All statements</h2>
              <DataTable
                columns={[
                  { label: "Quarter" },
                  { label: "Allocated", className: "text-right" },
                  { label: "Paid", className: "hidden text-right sm:table-cell" },
                  { label: "Carried out", className: "hidden text-right md:table-cell" },
                  { label: "Works", className: "hidden text-right lg:table-cell" },
                  { label: "Outcome" },
                ]}
              >
                {list.statements.map((s) => (
                  <tr key={s.id} className="hover:bg-slate-50">
                    <td className="px-4 py-3">
                      <Link href={`/rightsholder/statements/${s.id}`} className="font-medium text-brand-700 hover:underline">{s.run.quarter}</Link>
                      {s.run.approvedAt ? <span className="block text-xs text-slate-500">Approved {statementDate.format(s.run.approvedAt)}</span> : null}
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">{formatCents(s.allocatedCents)}</td>
                    <td className="hidden whitespace-nowrap px-4 py-3 text-right tabular-nums sm:table-cell">{formatCents(s.paidCents)}</td>
                    <td className="hidden whitespace-nowrap px-4 py-3 text-right tabular-nums md:table-cell">{formatCents(s.carriedOutCents)}</td>
                    <td className="hidden px-4 py-3 text-right tabular-nums lg:table-cell">{s._count.lines}</td>
                    <td className="px-4 py-3"><StatementOutcomeBadge statement={s} /></td>
                  </tr>
                ))}
              </DataTable>
              {list.pageCount > 1 ? (
                <nav className="mt-4 flex items-center justify-end gap-2" aria-label="Pages">
                  <span className="text-sm text-slate-600">Page {list.page} of {list.pageCount}</span>
                  {list.page > 1 ? <Link className={buttonClasses("secondary")} href={`/rightsholder/statements?page=${list.page - 1}`} rel="prev">← Newer</Link> : null}
                  {list.page < list.pageCount ? <Link className={buttonClasses("secondary")} href={`/rightsholder/statements?page=${list.page + 1}`} rel="next">Older →</Link> : null}
                </nav>
              ) : null}
            </section>
          </>
        )}
      </div>
    </>
  );
}
