import type { Metadata } from "next";
import Link from "next/link";
import { StatementLinesTable } from "@/components/statements/statement-lines-table";
import { StatementOutcomeBadge, statementDate, units } from "@/components/statements/statement-outcome";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterTabs } from "@/components/ui/filter-tabs";
import { Stat } from "@/components/ui/stat";
import { formatCents } from "@/lib/pricing/price-license";
import { describeQuarter, parseQuarter } from "@/lib/usage/quarters";
import { orNotFoundPage, requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { getStatement } from "@/server/statements/statements.queries";

export const metadata: Metadata = { title: "Statement" };

const SORTS = [
  { value: "net", label: "Largest net first" },
  { value: "title", label: "Title A–Z" },
] as const;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function StatementPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/rightsholder/statements/${id}`, can.useRightsholderArea);
  const query = await searchParams;
  const s = await orNotFoundPage(() => getStatement(actor, id, { sort: one(query.sort), after: one(query.after), before: one(query.before) }));
  const quarter = parseQuarter(s.run.quarter);
  const base = `/rightsholder/statements/${s.id}`;
  const pageHref = (cursor: Record<string, string>) => `${base}?${new URLSearchParams({ sort: s.sort, ...cursor })}`;
  const openDisputes = s.lines.reduce((n, l) => n + l.disputes.filter((d) => d.status === "OPEN").length, 0);

  return (
    <>
      <Link href="/rightsholder/statements" className="text-sm text-brand-700 hover:underline">← Statements</Link>
      <div className="mb-6 mt-2 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight text-slate-900">
            {s.run.quarter} statement <StatementOutcomeBadge statement={s} />
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {s.rightsholder.name} · {quarter ? describeQuarter(quarter) : s.run.quarter}
            {s.run.approvedAt ? ` · run approved ${statementDate.format(s.run.approvedAt)}` : ""}
          </p>
        </div>
        <div className="flex shrink-0 gap-2">
          <a href={`/api/statements/${s.id}/csv`} className={buttonClasses("secondary")} download>Download CSV</a>
          <a href={`/api/statements/${s.id}/pdf`} className={buttonClasses("secondary")} download>Download PDF</a>
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-6">
        <Stat label="Carried in" value={formatCents(s.carriedInCents)} />
        <Stat label="Allocated" value={formatCents(s.allocatedCents)} hint={`${formatCents(s.grossCents)} gross less ${formatCents(s.adminFeeCents)} fee`} />
        <Stat label="Withheld (tax)" value={formatCents(s.withheldCents)} hint={`${s.withholdingBps / 100}% rate`} />
        <Stat label="Paid" value={formatCents(s.paidCents)} hint={s.payout?.paidAt ? `Sent ${statementDate.format(s.payout.paidAt)}` : undefined} />
        <Stat label="Carried out" value={formatCents(s.carriedOutCents)} />
        <Stat label="Threshold" value={formatCents(s.thresholdCents)} hint="Balances below it are carried" />
      </dl>
      <Card className="mt-4">
        <p className="text-sm text-slate-700">
          Carried in {formatCents(s.carriedInCents)} + allocated {formatCents(s.allocatedCents)} = paid {formatCents(s.paidCents)} + withheld{" "}
          {formatCents(s.withheldCents)} + carried out {formatCents(s.carriedOutCents)}.
          {s.withheldOnCarriedInCents > 0n ? ` ${formatCents(s.withheldOnCarriedInCents)} of the withholding is on the carried-in balance, not on this quarter's lines.` : ""}
        </p>
        {s.heldCents > 0n ? <p className="mt-2 text-sm text-amber-800">{formatCents(s.heldCents)} for works under dispute is held and not in the balance; it is released in the run after the dispute is resolved.</p> : null}
        {s.payoutBlockedReason ? <p className="mt-2 text-sm text-amber-800">Not paid this quarter: {s.payoutBlockedReason}</p> : null}
      </Card>

      <section className="mt-8">
        <div className="mb-3 flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
          <h2 className="text-base font-semibold text-slate-900">
            Lines <span className="font-normal text-slate-500">· {units.format(s.lineTotals.lineCount)} works, {units.format(s.lineTotals.units)} units, {formatCents(s.lineTotals.netCents)} net</span>
          </h2>
          <p className="text-sm text-slate-600">
            {s.disputeWindow.isOpen && s.disputeWindow.deadline
              ? `Lines can be disputed until ${statementDate.format(s.disputeWindow.deadline)}${s.canDispute ? "" : " by your organisation's owners"}.`
              : `The dispute window closed${s.disputeWindow.deadline ? ` on ${statementDate.format(s.disputeWindow.deadline)}` : ""}.`}
            {openDisputes > 0 ? ` ${openDisputes} open on this page.` : ""}
          </p>
        </div>
        <FilterTabs basePath={base} param="sort" current={s.sort} options={SORTS} />
        {s.lines.length === 0 ? (
          <EmptyState title="No lines">No work of yours earned royalties this quarter; the statement shows your balance only.</EmptyState>
        ) : (
          <StatementLinesTable statement={s} />
        )}
        {s.previous || s.next ? (
          <nav className="mt-4 flex items-center justify-end gap-2" aria-label="Pages">
            {s.previous ? <Link className={buttonClasses("secondary")} href={pageHref({ before: s.previous })} rel="prev">← Previous</Link> : null}
            {s.next ? <Link className={buttonClasses("secondary")} href={pageHref({ after: s.next })} rel="next">Next →</Link> : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
