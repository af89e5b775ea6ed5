import type { Metadata } from "next";
import Link from "next/link";
import { setRightsholderSuspensionAction, setWorksSuspensionAction } from "@/app/_actions/staff-works";
import { MergeWorkForm } from "@/components/staff-works/merge-work-form";
import { ReasonForm } from "@/components/staff-works/reason-form";
import { StaffWorkStatus } from "@/components/staff-works/staff-work-badges";
import { StaffWorkEditForm } from "@/components/staff-works/staff-work-edit-form";
import { StaffWorkFacts } from "@/components/staff-works/staff-work-facts";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PurposeChips } from "@/components/works/work-badges";
import { WorkHistory } from "@/components/works/work-history";
import { formatDateTime } from "@/lib/dates";
import { WORK_TYPE_LABELS } from "@/lib/works/work-input";
import { orNotFoundPage, requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { HISTORY_LIMIT } from "@/server/works/work-history";
import { getWorkForStaff, type StaffWorkDetails } from "@/server/works/staff-work.queries";
import { workFieldValuesOf } from "@/lib/works/work-field-values";

export const metadata: Metadata = { title: "Work" };

function Banners({ work }: { work: StaffWorkDetails }) {
  return (
    <div className="mb-6 space-y-3">
      {work.status === "SUSPENDED" ? (
        <p className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-200">Suspended{work.suspendReason ? `: ${work.suspendReason}` : ""}. It is out of the repertoire.</p>
      ) : null}
      {work.mergedInto ? (
        <p className="rounded-lg bg-slate-100 px-4 py-3 text-sm text-slate-800 ring-1 ring-slate-200">
          A duplicate, merged into <Link className="font-medium text-brand-700 hover:underline" href={`/staff/works/${work.mergedInto.id}`}>#{work.mergedInto.id} {work.mergedInto.title}</Link>.
        </p>
      ) : null}
      {work.rightsholder.suspendedAt ? (
        <p className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-200">
          {work.rightsholder.name} is suspended since {formatDateTime(work.rightsholder.suspendedAt)}{work.rightsholder.suspendReason ? `: ${work.rightsholder.suspendReason}` : ""}; none of its works is in the repertoire.
        </p>
      ) : null}
    </div>
  );
}

function ReadOnlyDetails({ work }: { work: StaffWorkDetails }) {
  return (
    <dl className="grid gap-3 text-sm sm:grid-cols-2">
      <div><dt className="text-slate-500">Contributors</dt><dd>{work.contributors.join(", ") || "—"}</dd></div>
      <div><dt className="text-slate-500">Publisher</dt><dd>{work.publisher ?? "—"}</dd></div>
      <div><dt className="text-slate-500">Language</dt><dd>{work.language ?? "—"}</dd></div>
      <div><dt className="text-slate-500">Excluded from</dt><dd>{work.excludedFrom ?? "—"}</dd></div>
      <div className="sm:col-span-2"><dt className="text-slate-500">Permitted purposes</dt><dd className="mt-1"><PurposeChips purposes={work.purposes} /></dd></div>
    </dl>
  );
}

function AdminActions({ work }: { work: StaffWorkDetails }) {
  if (work.status === "MERGED") return null;
  const isSuspended = work.status === "SUSPENDED";
  return (
    <>
      <Card>
        <CardTitle description={isSuspended ? "It comes back into the repertoire for the purposes it permits." : "Out of the repertoire until lifted: no coverage, and usage reported meanwhile earns no royalties."}>
          {isSuspended ? "Lift the suspension" : "Suspend"}
        </CardTitle>
        <ReasonForm
          action={setWorksSuspensionAction}
          fields={{ workId: String(work.id), intent: isSuspended ? "unsuspend" : "suspend" }}
          label={isSuspended ? "Lift the suspension" : "Suspend this work"}
          pendingLabel={isSuspended ? "Lifting…" : "Suspending…"}
          reasonLabel="Reason"
          variant={isSuspended ? "secondary" : "danger"}
        />
      </Card>
      <Card>
        <CardTitle description="When this work is a duplicate of another one.">Merge into another work</CardTitle>
        <MergeWorkForm workId={work.id} />
      </Card>
    </>
  );
}

export default async function StaffWorkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/staff/works/${id}`, can.readStaffArea);
  const work = await orNotFoundPage(() => getWorkForStaff(actor, id));
  const isSuspended = work.rightsholder.suspendedAt !== null;
  return (
    <>
      <nav className="mb-2 text-sm"><Link href="/staff/works" className="text-slate-600 hover:text-slate-900 hover:underline">← Repertoire</Link></nav>
      <PageHeader
        title={work.title}
        description={`Work #${work.id} · ${WORK_TYPE_LABELS[work.type]}${work.publicationYear ? ` · ${work.publicationYear}` : ""} · enrolled ${formatDateTime(work.createdAt)}`}
        actions={<StaffWorkStatus status={work.status} mergedIntoId={work.mergedIntoId} />}
      />
      <Banners work={work} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:order-2">
          <Card>
            <CardTitle>Rightsholder</CardTitle>
            <p className="text-sm"><Link href={`/staff/works?rightsholderId=${work.rightsholder.id}`} className="font-medium text-brand-700 hover:underline">{work.rightsholder.name}</Link></p>
            <p className="mt-1 text-sm text-slate-600">Participation: {(work.rightsholder.participation ?? "none").toLowerCase().replace("_", " ")} · <Link href={`/staff/rightsholders/${work.rightsholder.id}`} className="text-brand-700 hover:underline">review page</Link></p>
            {work.canAdminister ? (
              <div className="mt-4">
                <ReasonForm
                  action={setRightsholderSuspensionAction}
                  fields={{ organizationId: work.rightsholder.id, intent: isSuspended ? "unsuspend" : "suspend" }}
                  label={isSuspended ? "Lift the rightsholder's suspension" : "Suspend the rightsholder"}
                  pendingLabel={isSuspended ? "Lifting…" : "Suspending…"}
                  reasonLabel={isSuspended ? "Reason for lifting it" : "Reason for suspending all its works"}
                  variant={isSuspended ? "secondary" : "danger"}
                />
              </div>
            ) : null}
          </Card>
          <StaffWorkFacts work={work} />
          {work.canAdminister ? <AdminActions work={work} /> : null}
        </div>
        <div className="space-y-6 lg:order-1 lg:col-span-2">
          <Card>
            <CardTitle description={work.canAdminister && work.status !== "MERGED" ? "Corrections are held to the rightsholder's rules and kept in the history with your reason." : undefined}>Details</CardTitle>
            {work.canAdminister && work.status !== "MERGED" ? (
              <StaffWorkEditForm
                workId={work.id}
                version={work.updatedAt.toISOString()}
                initial={workFieldValuesOf(work)}
              />
            ) : <ReadOnlyDetails work={work} />}
          </Card>
          <Card>
            <CardTitle description="Every change to this work and its disputes, newest first: the rightsholder's and staff's.">History</CardTitle>
            <WorkHistory entries={work.history} limit={HISTORY_LIMIT} />
          </Card>
        </div>
      </div>
    </>
  );
}
