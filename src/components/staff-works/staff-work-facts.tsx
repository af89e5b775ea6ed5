import Link from "next/link";
import { formatCents } from "@/lib/pricing/price-license";
import { formatShare } from "@/lib/works/co-owner-shares";
import { IDENTIFIER_LABELS } from "@/lib/works/work-input";
import type { StaffWorkDetails } from "@/server/works/staff-work.queries";
import { Badge } from "../ui/badge";
import { Card, CardTitle } from "../ui/card";
import { displayIdentifier } from "../works/work-badges";

const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** Identifiers, co-owners and what the distribution knows of the work. */
export function StaffWorkFacts({ work }: { work: StaffWorkDetails }) {
  return (
    <>
      <Card>
        <CardTitle>Identifiers</CardTitle>
        {work.identifiers.length === 0 ? <p className="text-sm text-slate-600">None{work.status === "MERGED" ? ": they moved with the merge" : ""}.</p> : (
          <ul className="space-y-1 text-sm" data-testid="staff-work-identifiers">
            {work.identifiers.map((i) => (
              <li key={`${i.type}:${i.value}`} className="break-all"><span className="text-slate-500">{IDENTIFIER_LABELS[i.type]}</span> <span className="font-mono text-xs">{displayIdentifier(i)}</span></li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardTitle description="Who shares the work's royalties.">Co-owners</CardTitle>
        {work.coOwners.length === 0 ? <p className="text-sm text-slate-600">{work.rightsholder.name}, 100 %.</p> : (
          <ul className="space-y-1 text-sm">
            {work.coOwners.map((c) => (
              <li key={c.id} className="flex justify-between gap-3">
                <span>{c.organization?.name ?? `${c.externalPayeeName ?? "External payee"}${c.externalPayeeEmail ? ` (${c.externalPayeeEmail})` : ""}`}</span>
                <span className="tabular-nums text-slate-700">{formatShare(c.shareBps)} %</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardTitle description="Reported usage matched to this work, and what distribution runs allocated to it.">Usage and allocations</CardTitle>
        <dl className="grid grid-cols-2 gap-3 text-sm" data-testid="staff-work-usage">
          <div><dt className="text-slate-500">Usage lines</dt><dd className="tabular-nums">{work.usage.lines.toLocaleString("en-GB")} in {work.usage.reports} report{work.usage.reports === 1 ? "" : "s"}</dd></div>
          <div><dt className="text-slate-500">Units</dt><dd className="tabular-nums">{work.usage.units.toLocaleString("en-GB")}</dd></div>
          <div><dt className="text-slate-500">Lines of merged duplicates</dt><dd className="tabular-nums">{work.usage.mergedLines.toLocaleString("en-GB")}</dd></div>
          <div><dt className="text-slate-500">Allocations</dt><dd className="tabular-nums">{work.allocations.rows} in {work.allocations.runs} run{work.allocations.runs === 1 ? "" : "s"}</dd></div>
          <div><dt className="text-slate-500">Allocated (net)</dt><dd className="tabular-nums">{formatCents(work.allocations.amountCents)}</dd></div>
          <div><dt className="text-slate-500">Held (disputed)</dt><dd className="tabular-nums">{formatCents(work.allocations.heldCents)}</dd></div>
        </dl>
        {work.status === "MERGED" ? <p className="mt-3 text-xs text-slate-500">Runs credit this work&apos;s usage to work #{work.mergedIntoId}.</p> : null}
      </Card>
      {work.mergedFrom.length > 0 ? (
        <Card>
          <CardTitle description="Duplicates merged into this work; their usage is credited here.">Merged into this work</CardTitle>
          <ul className="space-y-1 text-sm">
            {work.mergedFrom.map((m) => <li key={m.id}><Link href={`/staff/works/${m.id}`} className="text-brand-700 hover:underline">#{m.id} {m.title}</Link> <span className="text-slate-500">· {m.rightsholderName}</span></li>)}
          </ul>
        </Card>
      ) : null}
      {work.disputes.length > 0 ? (
        <Card>
          <CardTitle>Disputes</CardTitle>
          <ul className="space-y-2 text-sm">
            {work.disputes.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-2">
                <Badge tone={d.status === "OPEN" ? "amber" : "neutral"}>{d.status.toLowerCase().replace(/_/g, " ")}</Badge>
                <Link href={`/staff/disputes/${d.id}`} className="text-brand-700 hover:underline">{d.identifier ? `${IDENTIFIER_LABELS[d.identifier.type]} ${displayIdentifier(d.identifier)}` : "Statement line"}</Link>
                <span className="text-slate-500">claimed by {d.claimantName}, {day.format(d.openedAt)}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
