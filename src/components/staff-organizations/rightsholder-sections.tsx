import Link from "next/link";
import { formatDateTime } from "@/lib/dates";
import { formatCents } from "@/lib/pricing/price-license";
import type { UserActor } from "@/server/auth/actor";
import { listDisputes } from "@/server/disputes/disputes.queries";
import { FINAL_RUN_STATUSES } from "@/server/distribution/runs.schema";
import { listOrganizationStatementsForStaff } from "@/server/organizations/staff-organization-activity.queries";
import { DisputeStatusBadge } from "../disputes/dispute-status";
import { PayoutStatusBadge, RunStatusBadge, formatBps } from "../distribution/run-status-badge";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { Pager } from "./pager";

type Props = { actor: UserActor; organizationId: string; organizationName: string; page?: string };
const money = (cents: bigint) => formatCents(cents);
const isFinal = (status: string) => (FINAL_RUN_STATUSES as readonly string[]).includes(status);

/** Each statement's own figures; the run's page (filtered to this rightsholder) has the rest. */
export async function StatementsSection({ actor, organizationId, organizationName, page }: Props) {
  const statements = await listOrganizationStatementsForStaff(actor, { organizationId, page });
  if (statements.rows.length === 0 && statements.page === 1) return <EmptyState title="No statements yet">A statement is written for each distribution run this rightsholder&apos;s works earn in.</EmptyState>;
  return (
    <>
      <DataTable columns={[
        { label: "Quarter" }, { label: "Carried in", className: "hidden text-right lg:table-cell" }, { label: "Allocated", className: "text-right" },
        { label: "Withheld", className: "hidden text-right md:table-cell" }, { label: "Paid", className: "text-right" }, { label: "Carried out", className: "hidden text-right md:table-cell" },
        { label: "Files", className: "hidden sm:table-cell" },
      ]}>
        {statements.rows.map((s) => (
          <tr key={s.id} data-testid="staff-org-statement">
            <td className="px-4 py-3">
              <Link href={`/staff/distributions/${s.runId}?q=${encodeURIComponent(organizationName)}`} className="font-medium text-brand-700 hover:underline">{s.run.quarter}</Link>
              <span className="mt-1 flex flex-wrap gap-1"><RunStatusBadge status={s.run.status} />{s.payout ? <PayoutStatusBadge status={s.payout.status} /> : null}</span>
              <span className="block text-xs text-slate-500">{s._count.lines} lines · gross {money(s.grossCents)}, fee {money(s.adminFeeCents)}{s.heldCents > 0n ? `, held ${money(s.heldCents)}` : ""}</span>
              {s.payoutBlockedReason ? <span className="block max-w-xs text-xs text-amber-800">{s.payoutBlockedReason}</span> : null}
            </td>
            <td className="hidden px-4 py-3 text-right tabular-nums lg:table-cell">{money(s.carriedInCents)}</td>
            <td className="px-4 py-3 text-right tabular-nums">{money(s.allocatedCents)}</td>
            <td className="hidden px-4 py-3 text-right tabular-nums md:table-cell">{money(s.withheldCents)}{s.withholdingBps > 0 ? <span className="block text-xs text-slate-500">{formatBps(s.withholdingBps)}</span> : null}</td>
            <td className="px-4 py-3 text-right tabular-nums">{money(s.paidCents)}<span className="block text-xs text-slate-500">threshold {money(s.thresholdCents)}</span></td>
            <td className="hidden px-4 py-3 text-right tabular-nums md:table-cell">{money(s.carriedOutCents)}</td>
            <td className="hidden whitespace-nowrap px-4 py-3 sm:table-cell">
              {isFinal(s.run.status) ? (
                <><a href={`/api/statements/${s.id}/csv`} className="text-brand-700 hover:underline">CSV</a> · <a href={`/api/statements/${s.id}/pdf`} className="text-brand-700 hover:underline">PDF</a></>
              ) : <span className="text-xs text-slate-500">Draft run</span>}
            </td>
          </tr>
        ))}
      </DataTable>
      <Pager page={statements.page} hasNext={statements.hasNext} hrefFor={(n) => `/staff/organizations/${organizationId}?tab=statements&page=${n}`} />
    </>
  );
}

/** Both sides: claims on this rightsholder's works, and its claims on others'. */
export async function DisputesSection({ actor, organizationId }: Omit<Props, "page" | "organizationName">) {
  const disputes = await listDisputes(actor, organizationId, { status: "ALL" });
  if (disputes.length === 0) return <EmptyState title="No disputes">Neither an enrollment conflict nor a statement line of this rightsholder is disputed.</EmptyState>;
  return (
    <>
      <DataTable columns={[{ label: "Work" }, { label: "Status" }, { label: "Side", className: "hidden md:table-cell" }, { label: "Other party", className: "hidden sm:table-cell" }, { label: "Opened", className: "hidden md:table-cell" }]}>
        {disputes.map((d) => (
          <tr key={d.id} data-testid="staff-org-dispute">
            <td className="px-4 py-3">
              <Link href={`/staff/disputes/${d.id}`} className="font-medium text-brand-700 hover:underline">{d.ourWork?.title ?? d.otherWorkTitle ?? "Work"}</Link>
              {d.identifier ? <span className="block text-xs text-slate-500">{d.identifier}</span> : null}
            </td>
            <td className="px-4 py-3"><DisputeStatusBadge status={d.status} /></td>
            <td className="hidden px-4 py-3 text-slate-700 md:table-cell">{d.side === "holder" ? "Holds the work" : "Claimant"}</td>
            <td className="hidden px-4 py-3 text-slate-700 sm:table-cell">{d.otherOrganizationName}</td>
            <td className="hidden whitespace-nowrap px-4 py-3 text-slate-700 md:table-cell">{formatDateTime(d.openedAt)}</td>
          </tr>
        ))}
      </DataTable>
      {disputes.length >= 500 ? <p className="mt-2 text-xs text-slate-500">The newest 500 are shown; the <Link href="/staff/disputes?status=ALL" className="text-brand-700 hover:underline">dispute queue</Link> has every one.</p> : null}
    </>
  );
}
