import type { Metadata } from "next";
import Link from "next/link";
import { matchUsageLinesAction } from "@/app/_actions/usage-queue";
import { ActionButton } from "@/components/forms/action-button";
import { formatUnits, keyLabel, QueueStatusBadge, wroteLabel } from "@/components/usage-queue/queue-labels";
import { RejectGroupForm } from "@/components/usage-queue/reject-group-form";
import { WorkForMatchRow } from "@/components/usage-queue/work-for-match-row";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Stat } from "@/components/ui/stat";
import { formatDateTime } from "@/lib/dates";
import { PURPOSE_LABELS, type PurposeCode } from "@/lib/works/work-input";
import { orNotFoundPage, requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { GROUP_LINES_SHOWN, getUsageQueueGroup, type UsageQueueGroupView } from "@/server/usage/get-usage-queue-group";
import { searchWorksForMatch } from "@/server/usage/search-works-for-match";
import type { WorkForMatch } from "@/server/usage/works-for-match";

export const metadata: Metadata = { title: "Match usage" };

function WorkList({ works, usageKey, canDecide }: { works: WorkForMatch[]; usageKey: string; canDecide: boolean }) {
  return (
    <ul className="divide-y divide-slate-100">
      {works.map((w) => (
        <WorkForMatchRow
          key={w.id}
          work={w}
          action={canDecide ? <ActionButton action={matchUsageLinesAction} fields={{ key: usageKey, workId: String(w.id) }} label="Match to this work" pendingLabel="Matching…" variant="secondary" /> : null}
        />
      ))}
    </ul>
  );
}

function Decided({ decision }: { decision: NonNullable<UsageQueueGroupView["decision"]> }) {
  return (
    <p className="text-sm text-slate-700">
      {decision.isRejected ? "Rejected: not a work of the repertoire." : decision.work ? <>Matched to <strong>{decision.work.title}</strong> ({decision.work.rightsholderName}).</> : "Matched."}
      {" "}{formatDateTime(decision.decidedAt)}{decision.decidedByName ? ` · ${decision.decidedByName}` : ""}. Later reports with this key get the same decision.
    </p>
  );
}

export default async function MatchUsagePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const query = await searchParams;
  const key = query.key ?? "";
  const actor = await requirePageActor(`/staff/usage/match?${new URLSearchParams({ key })}`, can.readUsageQueue);
  const group = await orNotFoundPage(() => getUsageQueueGroup(actor, key));
  const q = (query.q ?? "").trim();
  const results = q && group.totals.lines > 0 ? await searchWorksForMatch(actor, { q }) : null;
  const isOpen = group.totals.lines > 0;
  return (
    <>
      <Link href="/staff/usage" className="text-sm text-brand-700 hover:underline">← Usage queue</Link>
      <div className="mb-6 mt-2 flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{wroteLabel(group.wrote)}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {group.wrote?.title && group.wrote.identifier ? `${group.wrote.identifier} · ` : ""}{keyLabel(group.key)}
          </p>
        </div>
        {isOpen ? <QueueStatusBadge status={group.status} /> : null}
      </div>
      {!isOpen ? (
        <Card>
          <CardTitle>Nothing left to decide here</CardTitle>
          {group.decision ? <Decided decision={group.decision} /> : <p className="text-sm text-slate-600">No open lines have this key in current reports.</p>}
          <Link href="/staff/usage" className={`${buttonClasses("secondary")} mt-4`}>Back to the queue</Link>
        </Card>
      ) : (
        <>
          <dl className="mb-6 grid grid-cols-3 gap-3">
            <Stat label="Lines" value={group.totals.lines} />
            <Stat label="Units" value={formatUnits(group.totals.units)} />
            <Stat label="Licensees" value={group.totals.licensees} />
          </dl>
          <DataTable columns={[{ label: "Licensee" }, { label: "Quarter" }, { label: "Report", className: "hidden md:table-cell" }, { label: "Line", className: "text-right" }, { label: "Purpose", className: "hidden sm:table-cell" }, { label: "Units", className: "text-right" }]}>
            {group.lines.map((l) => (
              <tr key={l.id}>
                <td className="px-4 py-3 text-slate-900">{l.organizationName}</td>
                <td className="px-4 py-3 text-slate-700">{l.quarter}</td>
                <td className="hidden px-4 py-3 font-mono text-xs text-slate-600 md:table-cell" title={l.reportId}>{l.reportId.slice(0, 8)}</td>
                <td className="px-4 py-3 text-right tabular-nums">{l.lineNumber}</td>
                <td className="hidden px-4 py-3 text-slate-700 sm:table-cell">{PURPOSE_LABELS[l.purpose as PurposeCode] ?? l.purpose}</td>
                <td className="px-4 py-3 text-right tabular-nums">{formatUnits(l.units)}</td>
              </tr>
            ))}
          </DataTable>
          {group.totals.lines > GROUP_LINES_SHOWN ? <p className="mt-2 text-xs text-slate-500">The first {GROUP_LINES_SHOWN} of {group.totals.lines} lines; a decision applies to all of them.</p> : null}
          {group.decision ? <div className="mt-4"><Decided decision={group.decision} /></div> : null}
          {group.candidates.length > 0 ? (
            <Card className="mt-6">
              <CardTitle description="Enrolled works with the same title and year: the reason the line could not be matched on its own.">Works with this title and year</CardTitle>
              <WorkList works={group.candidates} usageKey={group.key} canDecide={group.canDecide} />
            </Card>
          ) : null}
          <Card className="mt-6">
            <CardTitle description="Every rightsholder's enrolled works, by title words or an identifier.">Find the work</CardTitle>
            <form method="get" action="/staff/usage/match" className="flex flex-wrap gap-2" role="search">
              <input type="hidden" name="key" value={group.key} />
              <label htmlFor="work-q" className="sr-only">Title words or identifier</label>
              <input id="work-q" name="q" defaultValue={q} placeholder="Title words or identifier" className="w-80 rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500" />
              <button type="submit" className={buttonClasses("secondary")}>Search works</button>
            </form>
            {results?.identifierProblem ? <p className="mt-3 text-sm text-red-700">{results.identifierProblem}</p> : null}
            {results && results.works.length === 0 ? <p className="mt-3 text-sm text-slate-600">No enrolled work matches &ldquo;{q}&rdquo;.</p> : null}
            {results && results.works.length > 0 ? (
              <div className="mt-3">
                <WorkList works={results.works} usageKey={group.key} canDecide={group.canDecide} />
                {results.hasMore ? <p className="text-xs text-slate-500">More works match; type more of the title.</p> : null}
              </div>
            ) : null}
          </Card>
          <Card className="mt-6">
            {group.canDecide ? (
              <>
                <CardTitle description="No work of the repertoire: the lines count toward no royalties, and later reports with this key are rejected too.">Reject</CardTitle>
                <RejectGroupForm usageKey={group.key} />
              </>
            ) : (
              <>
                <CardTitle>Waiting for a decision</CardTitle>
                <p className="text-sm text-slate-600">Only staff administrators match or reject usage lines; analysts read them.</p>
              </>
            )}
          </Card>
        </>
      )}
    </>
  );
}
