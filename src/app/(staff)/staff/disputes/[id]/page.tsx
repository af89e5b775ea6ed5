import type { Metadata } from "next";
import Link from "next/link";
import { DisputeStatusBadge, disputeDateTime } from "@/components/disputes/dispute-status";
import { DisputeWorkCard } from "@/components/disputes/dispute-work-card";
import { ResolveDisputeForm } from "@/components/disputes/resolve-dispute-form";
import { Card, CardTitle } from "@/components/ui/card";
import { formatShare } from "@/lib/works/co-owner-shares";
import { orNotFoundPage, requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { StatementDisputePanel } from "@/components/statements/statement-dispute-panel";
import { getDisputeForStaff } from "@/server/disputes/disputes.queries";
import { getStatementDisputeForStaff } from "@/server/statements/statement-disputes.queries";

export const metadata: Metadata = { title: "Dispute" };

function Contact({ profile }: { profile: { legalName: string | null; contactName: string | null; contactEmail: string | null; status: string } | null }) {
  if (!profile) return <p className="mt-4 text-sm text-slate-500">No participation profile yet.</p>;
  return (
    <dl className="mt-4 border-t border-slate-100 pt-3 text-sm">
      <dt className="text-slate-500">Contact (staff only)</dt>
      <dd className="text-slate-800">
        {profile.contactName ?? "—"}
        {profile.contactEmail ? <> · <a href={`mailto:${profile.contactEmail}`} className="text-brand-700 hover:underline">{profile.contactEmail}</a></> : null}
      </dd>
      <dd className="text-slate-500">{profile.legalName ?? "Legal name not given"} · {profile.status.toLowerCase().replace("_", " ")}</dd>
    </dl>
  );
}

export default async function StaffDisputePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/staff/disputes/${id}`, can.readStaffArea);
  const dispute = await orNotFoundPage(() => getDisputeForStaff(actor, id));
  // A dispute raised on a statement line has its own page body: the line's figures and the money held.
  const statementDispute = dispute.origin === "STATEMENT_LINE" ? await getStatementDisputeForStaff(actor, id) : null;
  if (statementDispute) return <StatementDisputePanel dispute={statementDispute} />;
  const holderName = dispute.work.rightsholder.name;
  const claimantName = dispute.claimant.name;
  return (
    <>
      <Link href="/staff/disputes" className="text-sm text-brand-700 hover:underline">← Disputes</Link>
      <div className="mb-6 mt-2 flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{dispute.identifier ?? "Dispute"}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {claimantName} enrolled an identifier that {holderName}&apos;s work holds · opened {disputeDateTime.format(dispute.openedAt)} UTC
          </p>
        </div>
        <DisputeStatusBadge status={dispute.status} />
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <DisputeWorkCard role="Holds the identifier" organizationName={holderName} work={dispute.work}>
          {dispute.work.coOwners.length > 0 ? (
            <p className="mt-3 text-sm text-slate-600">
              Co-owners: {dispute.work.coOwners.map((c) => `${c.organization?.name ?? c.externalPayeeName} ${formatShare(c.shareBps)}%`).join(", ")}
            </p>
          ) : null}
          <Contact profile={dispute.holderProfile} />
        </DisputeWorkCard>
        <DisputeWorkCard role="Claims it" organizationName={claimantName} work={dispute.claimantWork}>
          <Contact profile={dispute.claimantProfile} />
        </DisputeWorkCard>
      </div>
      {dispute.related.length > 0 ? (
        <Card className="mt-6">
          <CardTitle description="Other claims on the same identifier; decide them together.">Related disputes</CardTitle>
          <ul className="space-y-1 text-sm">
            {dispute.related.map((r) => (
              <li key={r.id}>
                <Link href={`/staff/disputes/${r.id}`} className="text-brand-700 hover:underline">{r.claimant.name}</Link>{" "}
                · {disputeDateTime.format(r.openedAt)} · <DisputeStatusBadge status={r.status} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card className="mt-6">
        {dispute.status === "OPEN" ? (
          dispute.canResolve ? (
            <>
              <CardTitle description="The decision applies at once and both organisations are mailed. Held royalties are released in the next run.">Resolve</CardTitle>
              <ResolveDisputeForm disputeId={dispute.id} holderName={holderName} claimantName={claimantName} />
            </>
          ) : (
            <>
              <CardTitle>Open</CardTitle>
              <p className="text-sm text-slate-600">Waiting for a staff administrator. Analysts can read disputes but not resolve them.</p>
            </>
          )
        ) : (
          <>
            <CardTitle>Decision</CardTitle>
            <p className="text-sm text-slate-700">
              {dispute.resolvedAt ? `${disputeDateTime.format(dispute.resolvedAt)} UTC` : ""}{dispute.resolvedByName ? ` · ${dispute.resolvedByName}` : ""}
            </p>
            {dispute.resolution ? <p className="mt-2 whitespace-pre-line text-sm text-slate-600">{dispute.resolution}</p> : null}
          </>
        )}
      </Card>
      <p className="mt-4 text-xs text-slate-500">Reason recorded when it opened: {dispute.reason}</p>
    </>
  );
}
