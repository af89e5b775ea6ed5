import Link from "next/link";
import { formatDateTime, formatDay } from "@/lib/dates";
import { lastDayOf } from "@/lib/licensing/term";
import { formatCents } from "@/lib/pricing/price-license";
import type { UserActor } from "@/server/auth/actor";
import {
  listOrganizationCoverageChecksForStaff, listOrganizationGrantsForStaff, listOrganizationUsageReportsForStaff,
} from "@/server/organizations/staff-organization-activity.queries";
import { PURPOSE_LABEL } from "../coverage/coverage-labels";
import { GrantStatusBadge } from "../licensing/grant-status";
import { REPORT_STATUS } from "../usage/usage-labels";
import { Badge } from "../ui/badge";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { Pager } from "./pager";

type Props = { actor: UserActor; organizationId: string; page?: string };
const tabHref = (organizationId: string, tab: string) => (n: number) => `/staff/organizations/${organizationId}?tab=${tab}&page=${n}`;

export async function GrantsSection({ actor, organizationId, page }: Props) {
  const grants = await listOrganizationGrantsForStaff(actor, { organizationId, page });
  if (grants.rows.length === 0 && grants.page === 1) return <EmptyState title="No licenses yet">Grants appear once the licensee starts a checkout or staff grant one.</EmptyState>;
  return (
    <>
      <DataTable columns={[{ label: "License" }, { label: "Status" }, { label: "Term", className: "hidden md:table-cell" }, { label: "Fee", className: "text-right" }, { label: "Paid", className: "hidden text-right sm:table-cell" }, { label: "Refunded", className: "hidden text-right sm:table-cell" }]}>
        {grants.rows.map((g) => (
          <tr key={g.id} data-testid="staff-org-grant">
            <td className="px-4 py-3">
              <Link href={`/staff/licenses/${g.id}`} className="font-mono font-medium text-brand-700 hover:underline">{g.licenseNumber}</Link>
              <span className="block text-xs text-slate-500">{g.plan.name}</span>
            </td>
            <td className="px-4 py-3"><GrantStatusBadge status={g.status} autoRenew={g.autoRenew} /></td>
            <td className="hidden whitespace-nowrap px-4 py-3 text-slate-700 md:table-cell">{g.startsOn && g.endsOn ? `${formatDay(g.startsOn)} – ${formatDay(lastDayOf({ endsOn: g.endsOn }))}` : "—"}</td>
            <td className="px-4 py-3 text-right tabular-nums">{formatCents(g.feeCents, g.currency)}</td>
            <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">{formatCents(g.paidCents, g.currency)}</td>
            <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">{g.refundedCents > 0n ? formatCents(g.refundedCents, g.currency) : "—"}</td>
          </tr>
        ))}
      </DataTable>
      <Pager page={grants.page} hasNext={grants.hasNext} hrefFor={tabHref(organizationId, "grants")} />
    </>
  );
}

/** Staff have no page of their own for one report; this table is the read-only summary. */
export async function UsageReportsSection({ actor, organizationId, page }: Props) {
  const reports = await listOrganizationUsageReportsForStaff(actor, { organizationId, page });
  if (reports.rows.length === 0 && reports.page === 1) return <EmptyState title="No usage reports yet">Reports appear once the licensee uploads a quarter&apos;s usage (file or API).</EmptyState>;
  return (
    <>
      <DataTable columns={[{ label: "Quarter" }, { label: "Status" }, { label: "Lines", className: "text-right" }, { label: "Kept", className: "hidden text-right sm:table-cell" }, { label: "Refused", className: "hidden text-right sm:table-cell" }, { label: "Submitted", className: "hidden md:table-cell" }]}>
        {reports.rows.map((r) => {
          const status = REPORT_STATUS[r.status] ?? { label: r.status, tone: "neutral" as const };
          return (
            <tr key={r.id} data-testid="staff-org-usage-report">
              <td className="px-4 py-3">
                <span className="font-medium text-slate-900">{r.quarter}</span>
                {r.isAdjustment ? <span className="ml-2"><Badge tone="amber">Adjustment</Badge></span> : null}
                <span className="block max-w-[14rem] truncate text-xs text-slate-500">{r.fileName ?? (r.source === "API" ? "Sent through the API" : "—")}</span>
              </td>
              <td className="px-4 py-3">
                <Badge tone={status.tone}>{status.label}</Badge>
                {r.lockedAt ? <span className="block text-xs text-slate-500">Locked by an approved run</span> : null}
                {r.errorMessage ? <span className="block max-w-xs text-xs text-red-700">{r.errorMessage}</span> : null}
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{r.totalLines.toLocaleString("en-US")}</td>
              <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">{r.acceptedLines.toLocaleString("en-US")}</td>
              <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">{r.rejectedLines.toLocaleString("en-US")}</td>
              <td className="hidden whitespace-nowrap px-4 py-3 text-slate-700 md:table-cell">{formatDateTime(r.submittedAt)}</td>
            </tr>
          );
        })}
      </DataTable>
      <p className="mt-2 text-xs text-slate-500">Lines still unmatched wait in the <Link href="/staff/usage" className="text-brand-700 hover:underline">usage queue</Link>.</p>
      <Pager page={reports.page} hasNext={reports.hasNext} hrefFor={tabHref(organizationId, "usage")} />
    </>
  );
}

const CHECK_STATUS = { QUEUED: ["Waiting", "neutral"], PROCESSING: ["Checking", "brand"], COMPLETED: ["Done", "green"], FAILED: ["Failed", "red"] } as const;

export async function CoverageChecksSection({ actor, organizationId, page }: Props) {
  const checks = await listOrganizationCoverageChecksForStaff(actor, { organizationId, page });
  if (checks.rows.length === 0 && checks.page === 1) return <EmptyState title="No bulk coverage checks">The licensee has not checked a file of identifiers yet.</EmptyState>;
  return (
    <>
      <DataTable columns={[{ label: "File" }, { label: "Status" }, { label: "Purpose, date", className: "hidden md:table-cell" }, { label: "Lines", className: "text-right" }, { label: "Covered", className: "text-right" }, { label: "Not covered", className: "hidden text-right sm:table-cell" }, { label: "Unreadable", className: "hidden text-right sm:table-cell" }]}>
        {checks.rows.map((c) => {
          const [label, tone] = CHECK_STATUS[c.status];
          return (
            <tr key={c.id} data-testid="staff-org-coverage-check">
              <td className="px-4 py-3"><span className="block max-w-[14rem] truncate font-medium text-slate-900">{c.fileName}</span><span className="text-xs text-slate-500">{formatDateTime(c.createdAt)}</span></td>
              <td className="px-4 py-3"><Badge tone={tone}>{label}</Badge>{c.errorMessage ? <span className="block max-w-xs text-xs text-red-700">{c.errorMessage}</span> : null}</td>
              <td className="hidden px-4 py-3 text-slate-700 md:table-cell">{PURPOSE_LABEL[c.purpose] ?? c.purpose}, {formatDay(c.onDate)}</td>
              <td className="px-4 py-3 text-right tabular-nums">{c.lineCount?.toLocaleString("en-US") ?? "—"}</td>
              <td className="px-4 py-3 text-right tabular-nums">{c.coveredCount.toLocaleString("en-US")}</td>
              <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">{c.notCoveredCount.toLocaleString("en-US")}</td>
              <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">{c.invalidCount.toLocaleString("en-US")}</td>
            </tr>
          );
        })}
      </DataTable>
      <Pager page={checks.page} hasNext={checks.hasNext} hrefFor={tabHref(organizationId, "coverage")} />
    </>
  );
}
