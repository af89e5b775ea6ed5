import type { Metadata } from "next";
import Link from "next/link";
import { cancelQueuedJobAction, retryFailedJobAction } from "@/app/_actions/staff-operations";
import { JobStatusBadge } from "@/components/jobs/job-status-badge";
import { ReasonForm } from "@/components/staff-settings/reason-form";
import { Card, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/lib/dates";
import { orNotFoundPage, requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { RETRY_ATTEMPTS } from "@/server/jobs/staff-jobs.schema";
import { getMonitoredJob } from "@/server/jobs/staff-jobs.queries";

export const metadata: Metadata = { title: "Job" };

const at = (value: Date | null) => (value ? formatDateTime(value) : "—");
const pretty = (value: unknown) => JSON.stringify(value, null, 2);

export default async function StaffJobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/staff/jobs/${id}`, can.readStaffArea);
  const { job, isRegistered, isLeaseExpired, twin, actions } = await orNotFoundPage(() => getMonitoredJob(actor, id));
  const isAdmin = can.administer(actor);
  const facts: [string, React.ReactNode][] = [
    ["Attempts", `${job.attempts} of ${job.maxAttempts}${job.attempts > 1 ? " (retried)" : ""}`],
    ["Singleton key", job.singletonKey ? <span className="font-mono text-xs">{job.singletonKey}</span> : "—"],
    ["Due", at(job.runAt)],
    ["Created", at(job.createdAt)],
    ["Started", at(job.startedAt)],
    ["Finished", at(job.finishedAt)],
    ["Worker", job.lockedBy ?? "—"],
    ["Lease until", at(job.lockedUntil)],
  ];
  return (
    <>
      <Link href="/staff/jobs" className="text-sm text-brand-700 hover:underline">← Jobs</Link>
      <div className="mb-6 mt-2 flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="font-mono text-2xl font-semibold tracking-tight text-slate-900">{job.name}</h1>
          <p className="mt-1 font-mono text-xs text-slate-500">{job.id}</p>
        </div>
        <JobStatusBadge status={job.status} isLeaseExpired={isLeaseExpired} />
      </div>
      <Card>
        <dl className="grid gap-4 text-sm sm:grid-cols-4" data-testid="job-facts">
          {facts.map(([label, value]) => <div key={label}><dt className="text-slate-500">{label}</dt><dd className="text-slate-900">{value}</dd></div>)}
        </dl>
        {!isRegistered ? <p className="mt-3 text-sm text-amber-800">No worker runs jobs of this name any more.</p> : null}
        {twin ? <p className="mt-3 text-sm text-slate-700">Its key is held by <Link href={`/staff/jobs/${twin.id}`} className="text-brand-700 hover:underline">another job, {twin.status.toLowerCase()}</Link>, which does the same work.</p> : null}
      </Card>

      {isAdmin && job.status === "FAILED" ? (
        <Card className="mt-6">
          <CardTitle description={`It is queued again, due now, with ${RETRY_ATTEMPTS} more attempts (${job.attempts} used so far stay counted).`}>Retry</CardTitle>
          <ReasonForm action={retryFailedJobAction} fields={{ jobId: job.id }} summary="Retry this job…" label="Queue it again" pendingLabel="Queuing…" variant="primary" placeholder="What was fixed, or why it should run again" />
        </Card>
      ) : null}
      {isAdmin && job.status === "QUEUED" ? (
        <Card className="mt-6">
          <CardTitle description="No worker will run it. What it was to do stays undone (a usage report or import it was for stays waiting).">Cancel</CardTitle>
          <ReasonForm action={cancelQueuedJobAction} fields={{ jobId: job.id }} summary="Cancel this job…" label="Cancel the job" pendingLabel="Cancelling…" variant="danger" placeholder="Why it must not run" />
        </Card>
      ) : null}

      {job.lastError ? (
        <Card className="mt-6">
          <CardTitle>Last error</CardTitle>
          <pre className="max-h-96 overflow-auto whitespace-pre-wrap break-words rounded-lg bg-red-50 p-3 font-mono text-xs text-red-900 ring-1 ring-red-200" data-testid="job-error">{job.lastError}</pre>
        </Card>
      ) : null}
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <CardTitle>Payload</CardTitle>
          <pre className="max-h-96 overflow-auto rounded-lg bg-slate-50 p-3 font-mono text-xs text-slate-800 ring-1 ring-slate-200" data-testid="job-payload">{pretty(job.payload)}</pre>
        </Card>
        <Card>
          <CardTitle>Progress</CardTitle>
          {job.progress === null ? <p className="text-sm text-slate-600">None reported.</p>
            : <pre className="max-h-96 overflow-auto rounded-lg bg-slate-50 p-3 font-mono text-xs text-slate-800 ring-1 ring-slate-200">{pretty(job.progress)}</pre>}
        </Card>
      </div>
      <Card className="mt-6">
        <CardTitle>Staff actions</CardTitle>
        {actions.length === 0 ? <p className="text-sm text-slate-600">None.</p> : (
          <ol className="space-y-2 text-sm" data-testid="job-actions">
            {actions.map((a) => (
              <li key={a.id} className="flex flex-wrap gap-x-3">
                <span className="whitespace-nowrap text-slate-500">{formatDateTime(a.at)}</span>
                <span className="font-medium text-slate-900">{a.action === "job.retried" ? "Retried" : a.action === "job.cancelled" ? "Cancelled" : a.action}</span>
                <span className="text-slate-600">{a.who}</span>
                {typeof (a.after as { reason?: unknown } | null)?.reason === "string" ? <span className="text-slate-600">“{(a.after as { reason: string }).reason}”</span> : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </>
  );
}
