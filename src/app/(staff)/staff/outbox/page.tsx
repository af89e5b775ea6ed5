import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { MailStatus } from "@/generated/prisma/enums";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { listOutbox } from "@/server/mail/outbox.queries";

export const metadata: Metadata = { title: "Mail outbox" };

const STATUSES: MailStatus[] = ["CAPTURED", "QUEUED", "SENT", "FAILED"];
const TONE = { CAPTURED: "amber", QUEUED: "brand", SENT: "green", FAILED: "red" } as const;
const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("/staff/outbox", can.readStaffArea);
  const params = await searchParams;
  const status = STATUSES.find((s) => s === params.status);
  const page = Number.parseInt(params.page ?? "1", 10) || 1;
  const result = await listOutbox(actor, { to: params.to, status, page });
  const pageHref = (p: number) => `/staff/outbox?${new URLSearchParams({ ...(params.to ? { to: params.to } : {}), ...(status ? { status } : {}), page: String(p) })}`;
  return (
    <>
      <PageHeader
        title="Mail outbox"
        description="Every mail the portal sends. Without SMTP configured, mail is captured here instead of being delivered."
      />
      <form className="mb-4 flex flex-col gap-2 sm:flex-row" role="search">
        <input
          name="to"
          defaultValue={params.to}
          placeholder="Filter by recipient"
          aria-label="Recipient"
          className="flex-1 rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500"
        />
        <select name="status" defaultValue={status ?? ""} aria-label="Status" className="rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300">
          <option value="">All statuses</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s.toLowerCase()}
            </option>
          ))}
        </select>
        <button className={buttonClasses("secondary")}>Filter</button>
      </form>
      {result.messages.length === 0 ? (
        <EmptyState title="No mail here">Mail appears when people sign up, reset passwords or are invited.</EmptyState>
      ) : (
        <div className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-3 font-medium">Recipient and subject</th>
                <th className="hidden px-4 py-3 font-medium md:table-cell">Kind</th>
                <th className="px-4 py-3 font-medium">Status</th>
                <th className="hidden px-4 py-3 font-medium sm:table-cell">Created (UTC)</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.messages.map((m) => (
                <tr key={m.id} className="hover:bg-slate-50">
                  <td className="max-w-0 px-4 py-3">
                    <Link href={`/staff/outbox/${m.id}`} className="block truncate font-medium text-brand-700 hover:underline">
                      {m.subject}
                    </Link>
                    <span className="block truncate text-slate-600">{m.to}</span>
                  </td>
                  <td className="hidden px-4 py-3 text-slate-600 md:table-cell">{m.template}</td>
                  <td className="px-4 py-3">
                    <Badge tone={TONE[m.status]}>{m.status.toLowerCase()}</Badge>
                  </td>
                  <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 sm:table-cell">{when.format(m.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="mt-4 flex items-center justify-between text-sm text-slate-600" aria-label="Pages">
        <span>
          {result.total} mail{result.total === 1 ? "" : "s"} · page {result.page} of {result.pageCount}
        </span>
        <span className="flex gap-2">
          {result.page > 1 ? <Link className={buttonClasses("secondary")} href={pageHref(result.page - 1)}>Previous</Link> : null}
          {result.page < result.pageCount ? <Link className={buttonClasses("secondary")} href={pageHref(result.page + 1)}>Next</Link> : null}
        </span>
      </nav>
    </>
  );
}
