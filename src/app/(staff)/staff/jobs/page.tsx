import type { Metadata } from "next";
import Link from "next/link";
import { JobSchedules } from "@/components/jobs/job-schedules";
import { JobStatusBadge } from "@/components/jobs/job-status-badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { formatDateTime } from "@/lib/dates";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { JOB_FILTER_LABELS, JOB_LIST_FILTERS, RECENT_JOB_DAYS } from "@/server/jobs/staff-jobs.schema";
import { getJobMonitorCounts, listJobSchedulesForStaff, listMonitoredJobs } from "@/server/jobs/staff-jobs.queries";

export const metadata: Metadata = { title: "Jobs" };

const SELECT = "rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300";
const STATUSES = ["QUEUED", "RUNNING", "FAILED", "SUCCEEDED", "CANCELLED"] as const;

export default async function StaffJobsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("/staff/jobs", can.readStaffArea);
  const params = await searchParams;
  const now = new Date();
  const [counts, list, schedules] = await Promise.all([getJobMonitorCounts(actor, now), listMonitoredJobs(actor, params, now), listJobSchedulesForStaff(actor)]);
  const { query } = list;
  const filterHref = (status: string, name?: string) => `/staff/jobs?${new URLSearchParams({ status, ...(name ? { name } : {}) })}`;
  const names = [...new Set([...counts.knownNames, ...counts.byName.map((n) => n.name)])].sort();
  const c = counts.statusCounts;
  return (
    <>
      <PageHeader
        title="Jobs"
        description={`The background job queue: what is waiting, running and failed, and what finished in the last ${RECENT_JOB_DAYS} days. A failed job can be queued again; a queued one cancelled.`}
        actions={<Link href="#schedules" className="text-sm font-medium text-brand-700 hover:underline">Schedules ↓</Link>}
      />
      <dl className="mb-6 grid gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="job-counts">
        <Stat label="Queued" value={c.QUEUED ?? 0} href={filterHref("QUEUED")} />
        <Stat label="Running" value={c.RUNNING ?? 0} href={filterHref("RUNNING")} hint={counts.expiredLeases ? `${counts.expiredLeases} with an expired lease` : undefined} />
        <Stat label="Failed" value={c.FAILED ?? 0} href={filterHref("FAILED")} />
        <Stat label={`Succeeded, ${RECENT_JOB_DAYS} days`} value={c.SUCCEEDED ?? 0} href={filterHref("SUCCEEDED")} />
        <Stat label={`Cancelled, ${RECENT_JOB_DAYS} days`} value={c.CANCELLED ?? 0} href={filterHref("CANCELLED")} />
        <Stat label="Retried" value={counts.retried} href={filterHref("RETRIED")} hint="More than one attempt" />
      </dl>

      {counts.byName.length > 0 ? (
        <div className="mb-6">
          <DataTable columns={[{ label: "Job" }, ...STATUSES.map((s) => ({ label: s.toLowerCase(), className: "text-right" }))]}>
            {counts.byName.map((row) => (
              <tr key={row.name} data-testid="job-name-counts">
                <td className="px-4 py-2"><Link href={filterHref("active", row.name)} className="font-mono text-brand-700 hover:underline">{row.name}</Link></td>
                {STATUSES.map((s) => (
                  <td key={s} className="px-4 py-2 text-right tabular-nums">
                    {row.counts[s] ? <Link href={filterHref(s, row.name)} className={s === "FAILED" ? "font-semibold text-red-700" : "text-slate-700"}>{row.counts[s]}</Link> : <span className="text-slate-300">0</span>}
                  </td>
                ))}
              </tr>
            ))}
          </DataTable>
        </div>
      ) : null}

      <form className="mb-4 flex flex-col gap-2 sm:flex-row" role="search">
        <select name="status" defaultValue={query.status} aria-label="Status" className={SELECT}>
          {JOB_LIST_FILTERS.map((f) => <option key={f} value={f}>{JOB_FILTER_LABELS[f]}</option>)}
        </select>
        <select name="name" defaultValue={query.name ?? ""} aria-label="Job name" className={SELECT}>
          <option value="">Every job</option>
          {names.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
        <button className={buttonClasses("secondary")}>Filter</button>
      </form>

      {list.jobs.length === 0 ? (
        <EmptyState title="No jobs here">{JOB_FILTER_LABELS[query.status]}{query.name ? ` · ${query.name}` : ""}: nothing right now.</EmptyState>
      ) : (
        <DataTable columns={[{ label: "Job" }, { label: "Status" }, { label: "Attempts", className: "text-right" }, { label: "Due / worker", className: "hidden md:table-cell" }, { label: "Last error", className: "hidden lg:table-cell" }]}>
          {list.jobs.map((job) => (
            <tr key={job.id} className="hover:bg-slate-50" data-testid="job-row">
              <td className="max-w-0 px-4 py-3">
                <Link href={`/staff/jobs/${job.id}`} className="block truncate font-mono text-sm text-brand-700 hover:underline">{job.name}</Link>
                <span className="block truncate text-xs text-slate-500">created {formatDateTime(job.createdAt)}</span>
              </td>
              <td className="px-4 py-3"><JobStatusBadge status={job.status} isLeaseExpired={job.status === "RUNNING" && job.lockedUntil !== null && job.lockedUntil < now} /></td>
              <td className="px-4 py-3 text-right tabular-nums">{job.attempts} / {job.maxAttempts}</td>
              <td className="hidden px-4 py-3 text-xs text-slate-600 md:table-cell">
                {job.status === "RUNNING" ? <>{job.lockedBy}<br />lease until {job.lockedUntil ? formatDateTime(job.lockedUntil) : "—"}</>
                  : job.status === "QUEUED" ? `due ${formatDateTime(job.runAt)}`
                    : job.finishedAt ? `finished ${formatDateTime(job.finishedAt)}` : "—"}
              </td>
              <td className="hidden max-w-xs truncate px-4 py-3 font-mono text-xs text-red-700 lg:table-cell">{job.lastError?.split("\n")[0] ?? ""}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav className="mt-4 flex justify-end gap-2 text-sm" aria-label="Pages">
        {query.cursor ? <Link className={buttonClasses("secondary")} href={filterHref(query.status, query.name)}>Newest</Link> : null}
        {list.nextCursor ? <Link className={buttonClasses("secondary")} href={`${filterHref(query.status, query.name)}&cursor=${list.nextCursor}`}>Older</Link> : null}
      </nav>

      <div id="schedules" className="mt-10 scroll-mt-24">
        <Card>
          <CardTitle description="Recurring jobs: the scheduler enqueues each at its next slot. A disabled schedule enqueues nothing until enabled again.">Schedules</CardTitle>
          <JobSchedules schedules={schedules} isAdmin={can.administer(actor)} />
        </Card>
      </div>
    </>
  );
}
