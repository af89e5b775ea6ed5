"use client";

import Link from "next/link";
import type { IdentifierKind } from "@/lib/identifiers";
import { IDENTIFIER_LABELS, WORK_TYPE_LABELS, type WorkTypeCode } from "@/lib/works/work-input";
import { PurposeChips, WorkStatusBadge, displayIdentifier } from "./work-badges";

/** What one row shows, and nothing more: it travels to the browser as the page's RSC payload. */
export type WorkResultRow = {
  id: number;
  title: string;
  type: string;
  contributors: string[];
  publicationYear: number | null;
  purposes: string[];
  status: string;
  excludedFrom: string | null;
  identifiers: { type: string; value: string }[];
};

function FirstIdentifier({ identifiers }: { identifiers: WorkResultRow["identifiers"] }) {
  const first = identifiers[0];
  if (!first) return <span className="text-slate-400">none attached</span>;
  const label = (i: { type: string }) => IDENTIFIER_LABELS[i.type as IdentifierKind] ?? i.type;
  return (
    <span className="works-id" title={identifiers.map((i) => `${label(i)} ${displayIdentifier(i)}`).join("\n")}>
      <span className="works-id-label">{label(first)}</span>
      <span className="works-id-value">{displayIdentifier(first)}</span>
      {identifiers.length > 1 ? <span className="works-id-label">+{identifiers.length - 1}</span> : null}
    </span>
  );
}

const contributorsOf = (work: WorkResultRow) =>
  work.contributors.length === 0 ? null : work.contributors.length > 3 ? `${work.contributors.slice(0, 3).join(", ")} and others` : work.contributors.join(", ");

// One grid for both layouts: columns on wide screens, a card-like block per work on a phone
// (title and status on the first line, the rest below). Each work is rendered once (a table plus
// a separate list of cards doubled the page's rendering cost), and the row's utilities are named
// once in globals.css (`.works-*`) rather than written out on each of the page's rows.

/** The works of one page, as a table on wide screens and stacked entries on a phone. */
export function WorksResults({ works, today }: { works: WorkResultRow[]; today: string }) {
  return (
    <div role="table" aria-label="Works" className="overflow-hidden rounded-xl bg-white text-sm shadow-sm ring-1 ring-slate-200">
      <div role="rowgroup" className="hidden bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500 md:block" data-testid="works-columns">
        <div role="row" className="works-row">
          <span role="columnheader">Title</span>
          <span role="columnheader">Identifier</span>
          <span role="columnheader" className="text-right">Year</span>
          <span role="columnheader" className="hidden xl:block">Purposes</span>
          <span role="columnheader">Status</span>
        </div>
      </div>
      <div role="rowgroup" className="divide-y divide-slate-100">
        {works.map((work) => {
          const contributors = contributorsOf(work);
          const type = WORK_TYPE_LABELS[work.type as WorkTypeCode] ?? work.type;
          return (
            <div role="row" key={work.id} className="works-row works-row-hover">
              <div role="cell" className="min-w-0">
                <Link href={`/rightsholder/works/${work.id}`} className="works-title">
                  {work.title}
                </Link>
                <span className="works-byline">
                  {type}
                  {work.publicationYear ? <span className="md:hidden"> · {work.publicationYear}</span> : null}
                  {contributors ? ` · ${contributors}` : null}
                </span>
              </div>
              <div role="cell" className="works-identifier">
                <FirstIdentifier identifiers={work.identifiers} />
              </div>
              <div role="cell" className="works-year">{work.publicationYear ?? "—"}</div>
              <div role="cell" className="works-purposes">
                <PurposeChips purposes={work.purposes} />
              </div>
              <div role="cell" className="works-status">
                <WorkStatusBadge status={work.status} excludedFrom={work.excludedFrom} today={today} />
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
