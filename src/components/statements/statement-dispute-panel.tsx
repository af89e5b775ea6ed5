import Link from "next/link";
import { formatCents } from "@/lib/pricing/price-license";
import { formatShare } from "@/lib/works/co-owner-shares";
import type { StaffStatementDisputeView } from "@/server/statements/statement-disputes.queries";
import { DisputeStatusBadge, disputeDateTime } from "../disputes/dispute-status";
import { Card, CardTitle } from "../ui/card";
import { ResolveStatementDisputeForm } from "./resolve-statement-dispute-form";
import { units } from "./statement-outcome";

/**
 * The whole staff dispute page for a dispute raised on a statement line (the enrollment layout
 * does not fit it): the line as the statement showed it, what is held, and the decision, or the
 * form to make it for ADMIN. The page returns this when getStatementDisputeForStaff gives a view.
 */
export function StatementDisputePanel({ dispute }: { dispute: StaffStatementDisputeView }) {
  const line = dispute.line;
  const facts: [string, string][] = line
    ? [
      ["Identifier", line.identifier ?? "—"],
      ["Licensees counted", units.format(line.licenseesCounted)],
      ["Units", units.format(line.units)],
      ["Gross", formatCents(line.grossCents)],
      ["Admin fee share", formatCents(line.adminFeeShareCents)],
      ["Withholding", formatCents(line.withholdingCents)],
      ["Net", formatCents(line.netCents)],
      ["Share of the work", `${formatShare(line.shareBps)}%`],
    ]
    : [];
  return (
    <>
      <Link href="/staff/disputes" className="text-sm text-brand-700 hover:underline">← Disputes</Link>
      <div className="mb-6 mt-2 flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Statement dispute</h1>
          <p className="mt-1 text-sm text-slate-600">
            {dispute.rightsholder.name} disputes a line of its {line?.statement.run.quarter ?? ""} statement · opened {disputeDateTime.format(dispute.openedAt)} UTC
          </p>
        </div>
        <DisputeStatusBadge status={dispute.status} />
      </div>
      <div className="space-y-6">
        <Card>
          <CardTitle description="The line as the statement showed it.">
            {dispute.workTitle} <span className="font-normal text-slate-500">· work #{dispute.workId}</span>
          </CardTitle>
          {line ? (
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
              {facts.map(([label, value]) => (
                <div key={label}>
                  <dt className="text-slate-500">{label}</dt>
                  <dd className="tabular-nums text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-sm text-slate-600">The statement line is no longer on file.</p>
          )}
          <p className="mt-4 text-sm text-slate-700">
            Held for this work in approved runs so far: <span className="font-medium tabular-nums">{formatCents(dispute.heldCents)}</span>
          </p>
          <p className="mt-2 whitespace-pre-line text-sm text-slate-600">Reason: {dispute.reason}</p>
          <p className="mt-2 text-sm"><Link href={`/staff/rightsholders/${dispute.rightsholder.id}`} className="text-brand-700 hover:underline">{dispute.rightsholder.name}</Link></p>
        </Card>
        <Card>
          {dispute.status !== "OPEN" ? (
            <>
              <CardTitle>Decision</CardTitle>
              <p className="text-sm text-slate-700">{dispute.resolvedAt ? `${disputeDateTime.format(dispute.resolvedAt)} UTC` : ""}</p>
              <p className="mt-2 whitespace-pre-line text-sm text-slate-600">{dispute.resolution ?? "—"}</p>
            </>
          ) : dispute.canResolve ? (
            <>
              <CardTitle description="Either way the dispute closes and the next run releases the work's held royalties to its owners.">Decide</CardTitle>
              <ResolveStatementDisputeForm disputeId={dispute.id} />
            </>
          ) : (
            <>
              <CardTitle>Open</CardTitle>
              <p className="text-sm text-slate-600">Waiting for a staff administrator. Analysts can read disputes but not decide them.</p>
            </>
          )}
        </Card>
      </div>
    </>
  );
}
