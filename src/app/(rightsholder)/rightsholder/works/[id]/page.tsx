import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CoOwnersEditor, type CoOwnerRow } from "@/components/works/co-owners-editor";
import { ExclusionForm } from "@/components/works/exclusion-form";
import { PurposeChips, WorkStatusBadge, displayIdentifier } from "@/components/works/work-badges";
import { WorkForm } from "@/components/works/work-form";
import { WorkHistory } from "@/components/works/work-history";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatShare } from "@/lib/works/co-owner-shares";
import { IDENTIFIER_LABELS, WORK_TYPE_LABELS } from "@/lib/works/work-input";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { isAppError } from "@/server/errors";
import { HISTORY_LIMIT } from "@/server/works/work-history";
import { getWork, type WorkDetails } from "@/server/works/works.queries";
import { workFieldValuesOf } from "@/lib/works/work-field-values";

export const metadata: Metadata = { title: "Work" };

const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

async function loadWork(actor: Parameters<typeof getWork>[0], id: string): Promise<WorkDetails> {
  try {
    return await getWork(actor, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

function coOwnerRows(work: WorkDetails): CoOwnerRow[] {
  if (work.coOwners.length === 0) {
    return [{ key: "self", kind: "organization", organizationId: work.rightsholderId, name: work.rightsholder.name, isSelf: true, share: "100" }];
  }
  return work.coOwners.map((c) =>
    c.organizationId
      ? { key: String(c.id), kind: "organization", organizationId: c.organizationId, name: c.organization?.name ?? "Organisation", isSelf: c.organizationId === work.rightsholderId, share: formatShare(c.shareBps) }
      : { key: String(c.id), kind: "external", name: c.externalPayeeName ?? "", email: c.externalPayeeEmail ?? "", share: formatShare(c.shareBps) });
}

export default async function WorkPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/rightsholder/works/${id}`, can.useRightsholderArea);
  const work = await loadWork(actor, id);
  const { enrolled } = await searchParams;
  const ourClaims = work.openDisputes.filter((d) => d.side === "our-claim");
  const describe = (d: WorkDetails["openDisputes"][number]) => (d.identifier ? `${IDENTIFIER_LABELS[d.identifier.type]} ${displayIdentifier(d.identifier)}` : "this work");

  return (
    <>
      <nav className="mb-2 text-sm">
        <Link href="/rightsholder/works" className="text-slate-600 hover:text-slate-900 hover:underline">← Works</Link>
      </nav>
      <PageHeader
        title={work.title}
        description={`Work #${work.id} · ${WORK_TYPE_LABELS[work.type]}${work.publicationYear ? ` · ${work.publicationYear}` : ""} · enrolled ${day.format(work.createdAt)}`}
        actions={<WorkStatusBadge status={work.status} excludedFrom={work.excludedFrom} today={work.today} />}
      />

      <div className="mb-6 space-y-3">
        {enrolled ? (
          <div role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ring-1 ring-emerald-200">
            <p className="font-medium">Work enrolled.</p>
            {ourClaims.length > 0 ? (
              <p className="mt-1">
                {ourClaims.map(describe).join(", ")} {ourClaims.length === 1 ? "is" : "are"} already enrolled by another rightsholder, so the work was
                enrolled without {ourClaims.length === 1 ? "it" : "them"} and a dispute was opened for Clearway staff. Royalties for the disputed work are held
                until staff decide.
              </p>
            ) : (
              <p className="mt-1">It is in the repertoire now{work.excludedFrom ? `, until ${day.format(new Date(`${work.excludedFrom}T00:00:00Z`))}` : ""}. Add co-owners below if you share its royalties.</p>
            )}
          </div>
        ) : null}
        {work.status === "SUSPENDED" ? (
          <p className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-200">
            Suspended by staff{work.suspendReason ? `: ${work.suspendReason}` : ""}. It can&apos;t be changed until staff lift the suspension.
          </p>
        ) : null}
        {work.status === "MERGED" && work.mergedIntoId ? (
          <p className="rounded-lg bg-slate-100 px-4 py-3 text-sm text-slate-800 ring-1 ring-slate-200">
            Merged by staff into <Link className="font-medium text-brand-700 hover:underline" href={`/rightsholder/works/${work.mergedIntoId}`}>work #{work.mergedIntoId}</Link>; make changes there.
          </p>
        ) : null}
        {work.openDisputes.length > 0 ? (
          <Card className="ring-amber-300">
            <CardTitle description="Neither side is paid for a disputed work until staff resolve the dispute.">
              Open disputes ({work.openDisputes.length})
            </CardTitle>
            <ul className="divide-y divide-slate-100 text-sm">
              {work.openDisputes.map((d) => (
                <li key={d.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
                  <span>
                    {d.side === "our-claim"
                      ? <>You claimed <span className="font-mono">{describe(d)}</span>, which another rightsholder holds.</>
                      : <>Another rightsholder claims <span className="font-mono">{describe(d)}</span> of this work.</>}
                    <span className="text-slate-500"> Opened {day.format(d.openedAt)}.</span>
                  </span>
                  <Link href={`/rightsholder/disputes/${d.id}`} className="shrink-0 font-medium text-brand-700 hover:underline">View dispute →</Link>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        {/* On a phone the summary and the exclusion come first; beside the form on a wide screen. */}
        <div className="space-y-6 lg:order-2">
          <Card>
            <CardTitle>At a glance</CardTitle>
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-slate-500">Identifiers</dt>
                <dd>
                  {work.identifiers.length === 0 ? (
                    <span className="text-slate-500">None attached</span>
                  ) : (
                    <ul>
                      {work.identifiers.map((i) => (
                        <li key={`${i.type}:${i.value}`} className="break-all">
                          <span className="text-slate-500">{IDENTIFIER_LABELS[i.type]}</span> <span className="font-mono text-xs">{displayIdentifier(i)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Permitted purposes</dt>
                <dd className="mt-1"><PurposeChips purposes={work.purposes} /></dd>
              </div>
              <div>
                <dt className="text-slate-500">Rightsholder</dt>
                <dd>{work.rightsholder.name}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Last changed</dt>
                <dd>{day.format(work.updatedAt)}</dd>
              </div>
            </dl>
          </Card>
          <Card>
            <CardTitle>Exclusion</CardTitle>
            <ExclusionForm workId={work.id} excludedFrom={work.excludedFrom} state={work.exclusion} today={work.today} canEdit={work.canEdit} />
          </Card>
        </div>
        <div className="space-y-6 lg:order-1 lg:col-span-2">
          <Card>
            <CardTitle description={work.canEdit ? "Every change is kept in the history below." : undefined}>Details</CardTitle>
            {work.canEdit ? (
              <WorkForm
                mode="edit"
                workId={work.id}
                version={work.updatedAt.toISOString()}
                initial={{ ...workFieldValuesOf(work), excludedFrom: work.excludedFrom ?? "" }}
              />
            ) : (
              <dl className="grid gap-3 text-sm sm:grid-cols-2">
                <div><dt className="text-slate-500">Contributors</dt><dd>{work.contributors.join(", ") || "—"}</dd></div>
                <div><dt className="text-slate-500">Language</dt><dd>{work.language ?? "—"}</dd></div>
                <div><dt className="text-slate-500">Publisher</dt><dd>{work.publisher ?? "—"}</dd></div>
              </dl>
            )}
          </Card>
          <Card>
            <CardTitle description="Who shares this work's royalties. Other organisations named here don't see the work or your other co-owners.">
              Co-owners
            </CardTitle>
            <CoOwnersEditor workId={work.id} rightsholderId={work.rightsholderId} rightsholderName={work.rightsholder.name} initial={coOwnerRows(work)} canEdit={work.canEdit} />
          </Card>
          <Card>
            <CardTitle description="Every change to this work and its disputes, newest first.">History</CardTitle>
            <WorkHistory entries={work.history} limit={HISTORY_LIMIT} />
          </Card>
        </div>
      </div>
    </>
  );
}
