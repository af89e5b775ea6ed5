import type { Metadata } from "next";
import Link from "next/link";
import { formatUnits, keyLabel, matchHref, QueueStatusBadge, wroteLabel } from "@/components/usage-queue/queue-labels";
import { QueueSelectionForm } from "@/components/usage-queue/queue-selection-form";
import { buttonClasses } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/dates";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { listUsageQueue, type UsageQueueGroup } from "@/server/usage/list-usage-queue";

export const metadata: Metadata = { title: "Usage queue" };

const COLUMNS: Column[] = [
  { label: "What the licensee wrote" },
  { label: "Status" },
  { label: "Lines", className: "text-right" },
  { label: "Units", className: "hidden text-right sm:table-cell" },
  { label: "Licensees", className: "hidden text-right md:table-cell" },
  { label: "Quarters", className: "hidden md:table-cell" },
  { label: "Waiting since", className: "hidden lg:table-cell" },
];

function GroupRow({ group, isSelectable }: { group: UsageQueueGroup; isSelectable: boolean }) {
  const label = wroteLabel(group.wrote);
  return (
    <tr className="hover:bg-slate-50" data-testid="usage-queue-row">
      {isSelectable ? (
        <td className="w-10 px-4 py-3 align-top">
          <input type="checkbox" name="key" value={group.key} aria-label={`Select ${label}`} />
        </td>
      ) : null}
      <td className="max-w-0 px-4 py-3">
        <Link href={matchHref(group.key)} className="block truncate font-medium text-brand-700 hover:underline">{label}</Link>
        <span className="block truncate text-xs text-slate-500">
          {group.wrote.title && group.wrote.identifier ? `${group.wrote.identifier} · ` : ""}{keyLabel(group.key)}
        </span>
        {group.candidates.length > 0 ? (
          <span className="block truncate text-xs text-slate-600">
            Could be: {group.candidates.map((w) => `${w.title} (${w.rightsholderName})`).join("; ")}
          </span>
        ) : null}
      </td>
      <td className="px-4 py-3"><QueueStatusBadge status={group.status} /></td>
      <td className="px-4 py-3 text-right tabular-nums">{group.lines}</td>
      <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">{formatUnits(group.units)}</td>
      <td className="hidden px-4 py-3 text-right tabular-nums md:table-cell">{group.licensees}</td>
      <td className="hidden px-4 py-3 text-slate-700 md:table-cell">{group.quarters.join(", ")}</td>
      <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 lg:table-cell">{formatDateTime(group.oldestAt)}</td>
    </tr>
  );
}

export default async function StaffUsageQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("/staff/usage", can.readUsageQueue);
  const query = await searchParams;
  const queue = await listUsageQueue(actor, { search: query.q, cursor: query.after });
  const canDecide = can.matchUsage(actor);
  const nextHref = queue.nextCursor ? `/staff/usage?${new URLSearchParams({ ...(queue.search ? { q: queue.search } : {}), after: queue.nextCursor })}` : null;
  const table = (
    <DataTable columns={canDecide ? [{ label: "Select", className: "w-10" }, ...COLUMNS] : COLUMNS}>
      {queue.groups.map((g) => <GroupRow key={g.key} group={g} isSelectable={canDecide} />)}
    </DataTable>
  );
  return (
    <>
      <PageHeader
        title="Usage queue"
        description={
          <>
            {queue.totals.groups} group{queue.totals.groups === 1 ? "" : "s"} ({queue.totals.lines} line{queue.totals.lines === 1 ? "" : "s"}) of reported usage matched no work, or more than one.
            One decision settles every line with the same identifier, or the same title and year, and later reports get it too. Oldest first.
            {canDecide ? null : " Analysts read the queue; staff administrators decide."}
          </>
        }
      />
      <form method="get" action="/staff/usage" className="mb-4 flex flex-wrap gap-2" role="search">
        <label htmlFor="q" className="sr-only">Title or identifier as reported</label>
        <input id="q" name="q" defaultValue={queue.search} placeholder="Title or identifier as reported" className="w-72 rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500" />
        <button type="submit" className={buttonClasses("secondary")}>Search</button>
        {queue.search ? <Link href="/staff/usage" className={buttonClasses("ghost")}>Clear</Link> : null}
      </form>
      {queue.groups.length === 0 ? (
        <EmptyState title={queue.search ? "Nothing in the queue matches" : "The queue is empty"}>
          {queue.search ? "Try part of the title or identifier as the licensee wrote it." : "Every reported line is matched to a work or rejected."}
        </EmptyState>
      ) : canDecide ? (
        <QueueSelectionForm>{table}</QueueSelectionForm>
      ) : (
        table
      )}
      <nav className="mt-4 flex gap-3 text-sm" aria-label="Pages">
        {queue.isFirstPage ? null : <Link href={`/staff/usage${queue.search ? `?q=${encodeURIComponent(queue.search)}` : ""}`} className="text-brand-700 hover:underline">← First page</Link>}
        {nextHref ? <Link href={nextHref} className="text-brand-700 hover:underline">Next →</Link> : null}
      </nav>
    </>
  );
}
