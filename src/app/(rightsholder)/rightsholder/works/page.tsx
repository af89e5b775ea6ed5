import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RepertoireNotice } from "@/components/participation/repertoire-notice";
import { WorksFilterBar } from "@/components/works/works-filter-bar";
import { WorksResults, type WorkResultRow } from "@/components/works/works-results";
import { LinkButton, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { IDENTIFIER_LABELS, todayUtc } from "@/lib/works/work-input";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { getRepertoireStanding } from "@/server/participation/repertoire-standing.queries";
import { listWorks, WORKS_PAGE_SIZE, type WorkListItem } from "@/server/works/works.queries";
import { parseWorksFilters, worksFiltersQuery } from "@/server/works/works.schema";

export const metadata: Metadata = { title: "Works" };

const number = new Intl.NumberFormat("en-GB");

/** Only what a row shows goes to the client component. */
const resultRow = (w: WorkListItem): WorkResultRow => ({
  id: w.id, title: w.title, type: w.type, contributors: w.contributors.slice(0, 4), publicationYear: w.publicationYear,
  purposes: w.purposes, status: w.status, excludedFrom: w.excludedFrom, identifiers: w.identifiers.map((i) => ({ type: i.type, value: i.value })),
});

export default async function WorksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("/rightsholder/works", can.useRightsholderArea);
  const membership = currentMembership(actor, "RIGHTSHOLDER");
  if (!membership) notFound();
  const params = await searchParams;
  const filters = parseWorksFilters(params);
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const [page, participation] = await Promise.all([
    listWorks(actor, membership.organizationId, filters, { after: one(params.after), before: one(params.before) }),
    getRepertoireStanding(actor, membership.organizationId),
  ]);
  const isFiltered = Boolean(filters.q || filters.status || filters.purpose || filters.type || filters.excluded);
  const exportQuery = worksFiltersQuery(filters);
  const pageHref = (cursor: Record<string, string>) => `/rightsholder/works?${worksFiltersQuery(filters, cursor)}`;
  const countText = page.isCapped ? `${number.format(page.count)}+` : number.format(page.count);

  return (
    <>
      <PageHeader
        title="Works"
        description={`The works ${membership.organizationName} has enrolled in the collective license, with the purposes each permits.`}
        actions={
          <div className="flex flex-wrap gap-2">
            <LinkButton href="/rightsholder/works/new">New work</LinkButton>
            <LinkButton href="/rightsholder/imports" variant="secondary">Import a file</LinkButton>
            {page.hasAnyWorks ? (
              <a href={`/rightsholder/works/export${exportQuery ? `?${exportQuery}` : ""}`} className={buttonClasses("secondary")} download>
                Export CSV
              </a>
            ) : null}
          </div>
        }
      />

      <RepertoireNotice status={participation.status} isComplete={participation.isComplete} />
      {!page.hasAnyWorks ? (
        <EmptyState
          title="No works enrolled yet"
          action={
            <div className="flex flex-wrap justify-center gap-2">
              <LinkButton href="/rightsholder/works/new">Enroll a work</LinkButton>
              <LinkButton href="/rightsholder/imports" variant="secondary">Import a CSV or ONIX file</LinkButton>
            </div>
          }
        >
          Enroll works one at a time with the form, or import your catalogue as a CSV or ONIX 3.0 file. For each work you choose the AI
          purposes it may be licensed for; licensees pay for what they use and you receive royalties every quarter.
        </EmptyState>
      ) : (
        <>
          {/* Keyed by the filters: its fields are uncontrolled, and a link to other filters must show them. */}
          <WorksFilterBar key={worksFiltersQuery(filters)} filters={filters} isFiltered={isFiltered} />
          {page.search?.kind === "identifier" ? (
            <p className="mb-3 text-sm text-slate-600">
              Exact match on {IDENTIFIER_LABELS[page.search.identifier.type]} <span className="font-mono">{page.search.identifier.value}</span>.
            </p>
          ) : page.search?.kind === "title" && page.search.identifierProblem ? (
            <p className="mb-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
              “{filters.q}” looks like an identifier, but: {page.search.identifierProblem} Showing titles with these words instead.
            </p>
          ) : null}
          <p className="mb-3 text-sm text-slate-600" data-testid="works-count">
            {page.count === 0 ? "No works match." : `${countText} ${page.count === 1 && !page.isCapped ? "work matches" : "works match"}${isFiltered ? " these filters" : ""}.`}
            {page.count > WORKS_PAGE_SIZE ? ` Showing ${page.works.length} per page.` : null}
          </p>
          {page.works.length === 0 ? (
            <EmptyState title="No works match" action={<Link href="/rightsholder/works" className={buttonClasses("secondary")}>Clear search and filters</Link>}>
              Try fewer words, another filter, or search by an identifier (ISBN, ISSN, DOI or URL) instead of the title.
            </EmptyState>
          ) : (
            <WorksResults works={page.works.map(resultRow)} today={todayUtc()} />
          )}
          {page.previous || page.next ? (
            <nav className="mt-4 flex items-center justify-end gap-2" aria-label="Pages">
              {page.previous ? (
                <Link className={buttonClasses("secondary")} href={pageHref({ before: page.previous })} rel="prev">
                  ← Previous
                </Link>
              ) : null}
              {page.next ? (
                <Link className={buttonClasses("secondary")} href={pageHref({ after: page.next })} rel="next">
                  Next →
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
