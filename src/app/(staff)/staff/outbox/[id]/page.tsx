import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { resendFailedMailAction } from "@/app/_actions/staff-operations";
import { ActionButton } from "@/components/forms/action-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { getOutboxMessage } from "@/server/mail/outbox.queries";

export const metadata: Metadata = { title: "Mail" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/staff/outbox/${id}`, can.readStaffArea);
  const mail = await getOutboxMessage(actor, id);
  if (!mail) notFound();
  return (
    <>
      <PageHeader title={mail.subject} actions={<Link href="/staff/outbox" className="text-sm font-medium text-brand-700 hover:underline">← Back to the outbox</Link>} />
      <Card>
        <dl className="mb-4 grid gap-2 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="text-slate-500">To</dt>
          <dd data-testid="mail-to">{mail.to}</dd>
          <dt className="text-slate-500">Status</dt>
          <dd>
            <Badge>{mail.status.toLowerCase()}</Badge> {mail.lastError ? <span className="text-red-700">{mail.lastError}</span> : null}
          </dd>
          <dt className="text-slate-500">Created</dt>
          <dd>{when.format(mail.createdAt)} UTC</dd>
          <dt className="text-slate-500">Attempts</dt>
          <dd>{mail.attempts}{mail.sentAt ? ` · sent ${when.format(mail.sentAt)} UTC` : ""}</dd>
        </dl>
        {mail.status === "FAILED" && can.administer(actor) ? (
          <div className="mb-4">
            <ActionButton action={resendFailedMailAction} fields={{ mailId: mail.id }} label="Send it again" pendingLabel="Queuing…" variant="secondary" />
            <p className="mt-1 text-xs text-slate-500">One more delivery attempt at the next pass; if it fails again the mail stays failed.</p>
          </div>
        ) : null}
        <pre data-testid="mail-body" className="whitespace-pre-wrap break-words rounded-lg bg-slate-50 p-4 font-sans text-sm text-slate-800 ring-1 ring-slate-200">
          {mail.text}
        </pre>
      </Card>
    </>
  );
}
