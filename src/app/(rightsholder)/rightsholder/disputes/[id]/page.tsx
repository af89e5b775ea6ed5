import type { Metadata } from "next";
import Link from "next/link";
import { DisputeStatusBadge, disputeDateTime } from "@/components/disputes/dispute-status";
import { DisputeWorkCard } from "@/components/disputes/dispute-work-card";
import { Card, CardTitle } from "@/components/ui/card";
import { orNotFoundPage, requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { getDispute } from "@/server/disputes/disputes.queries";

export const metadata: Metadata = { title: "Dispute" };

export default async function DisputePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/rightsholder/disputes/${id}`, can.useRightsholderArea);
  const dispute = await orNotFoundPage(() => getDispute(actor, id));
  const isOpen = dispute.status === "OPEN";
  return (
    <>
      <Link href="/rightsholder/disputes" className="text-sm text-brand-700 hover:underline">← Disputes</Link>
      <div className="mb-6 mt-2 flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{dispute.identifier ?? "Dispute"}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {dispute.side === "holder"
              ? `${dispute.claimant.organizationName} enrolled an identifier your work holds.`
              : `You enrolled an identifier that ${dispute.holder.organizationName}'s work holds.`}
          </p>
        </div>
        <DisputeStatusBadge status={dispute.status} />
      </div>
      {isOpen ? (
        <p className="mb-6 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
          Royalties for both works are held until staff resolve this dispute; they are released in the first distribution run after it.
          Staff may contact you for evidence (a contract, a rights reversion letter).
        </p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <DisputeWorkCard
          role="Holds the identifier"
          organizationName={dispute.holder.organizationName}
          work={dispute.holder.work}
          isOwn={dispute.side === "holder"}
          href={dispute.side === "holder" && dispute.holder.work ? `/rightsholder/works/${dispute.holder.work.id}` : undefined}
        />
        <DisputeWorkCard
          role="Claims it"
          organizationName={dispute.claimant.organizationName}
          work={dispute.claimant.work}
          isOwn={dispute.side === "claimant"}
          href={dispute.side === "claimant" && dispute.claimant.work ? `/rightsholder/works/${dispute.claimant.work.id}` : undefined}
        />
      </div>
      <Card className="mt-6">
        <CardTitle>Timeline</CardTitle>
        <ol className="space-y-3 text-sm">
          <li>
            <span className="font-medium text-slate-900">Opened</span> · {disputeDateTime.format(dispute.openedAt)} UTC
            <p className="text-slate-600">{dispute.reason}</p>
          </li>
          {dispute.resolvedAt ? (
            <li>
              <span className="font-medium text-slate-900">Resolved by staff</span> · {disputeDateTime.format(dispute.resolvedAt)} UTC
              {dispute.resolution ? <p className="whitespace-pre-line text-slate-600">{dispute.resolution}</p> : null}
            </li>
          ) : (
            <li className="text-slate-600">Waiting for staff to decide.</li>
          )}
        </ol>
      </Card>
    </>
  );
}
