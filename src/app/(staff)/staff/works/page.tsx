import type { Metadata } from "next";
import { setRightsholderSuspensionAction } from "@/app/_actions/staff-works";
import { ReasonForm } from "@/components/staff-works/reason-form";
import { StaffWorksFilterBar } from "@/components/staff-works/staff-works-filter-bar";
import { StaffWorksPager } from "@/components/staff-works/staff-works-pager";
import { StaffWorksResults } from "@/components/staff-works/staff-works-results";
import { WorksSelectionForm } from "@/components/staff-works/works-selection-form";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/dates";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { getRightsholderStanding, type RightsholderStanding } from "@/server/repertoire/staff-rightsholder.queries";
import { searchWorksForStaff, type StaffWorkSearch } from "@/server/repertoire/staff-work-search";
import { CANDIDATE_CAP } from "@/server/repertoire/staff-work-search-sql";
import { staffWorkQueryString } from "@/server/repertoire/staff-work-search.schema";
import { MAX_BULK_WORKS } from "@/server/works/staff-works.schema";

export const metadata: Metadata = { title: "Repertoire" };

function RightsholderPanel({ standing, canAdminister }: { standing: RightsholderStanding; canAdminister: boolean }) {
  const isSuspended = standing.suspendedAt !== null;
  return (
    <Card className="mb-4">
      <div className="flex flex-col gap-4 md:flex-row md:items-start md:justify-between">
        <div className="text-sm">
          <p className="font-semibold text-slate-900">{standing.name}</p>
          <p className="mt-1 text-slate-600">
            {standing.works.toLocaleString("en-GB")}{standing.works > 100_000 ? "+" : ""} works · participation{" "}
            <Badge tone={standing.participation === "APPROVED" ? "green" : standing.participation === "SUSPENDED" ? "red" : "neutral"}>{(standing.participation ?? "none").toLowerCase().replace("_", " ")}</Badge>
          </p>
          {isSuspended ? (
            <p className="mt-2 text-red-800">
              Suspended {formatDateTime(standing.suspendedAt!)}{standing.suspendReason ? `: ${standing.suspendReason}` : ""}. None of its works is in the repertoire.
            </p>
          ) : null}
        </div>
        {canAdminister ? (
          <div className="w-full md:max-w-sm">
            <ReasonForm
              action={setRightsholderSuspensionAction}
              fields={{ organizationId: standing.id, intent: isSuspended ? "unsuspend" : "suspend" }}
              label={isSuspended ? "Lift the suspension" : "Suspend this rightsholder"}
              pendingLabel={isSuspended ? "Lifting…" : "Suspending…"}
              reasonLabel={isSuspended ? "Reason for lifting it" : "Reason for suspending"}
              variant={isSuspended ? "secondary" : "danger"}
              hint={isSuspended ? "Its participation returns to what it was; its owners are told by mail." : "All its works leave the repertoire at once (coverage, usage eligibility, the public search); its owners are told by mail."}
            />
          </div>
        ) : null}
      </div>
    </Card>
  );
}

function Summary({ search }: { search: StaffWorkSearch }) {
  if (search.mode === "browse") return <p className="mb-3 text-sm text-slate-600">Newest first. Type words or an identifier to search.</p>;
  return (
    <div className="mb-3 space-y-1 text-sm text-slate-600" aria-live="polite">
      <p>
        {search.isCapped
          ? `More than ${CANDIDATE_CAP} works match: these are the best of the first ${CANDIDATE_CAP} found. Add a word or a filter to narrow the search.`
          : `${search.matched.toLocaleString("en-GB")} ${search.matched === 1 ? "work matches" : "works match"}, best first.`}
      </p>
      {search.ignoredWords.length > 0 ? <p className="text-xs text-slate-500">Common words ({search.ignoredWords.join(", ")}) only weigh in the ranking.</p> : null}
      {search.identifierProblem ? <p role="alert" className="text-amber-800">This looks like an identifier, but: {search.identifierProblem}</p> : null}
    </div>
  );
}

export default async function StaffWorksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("/staff/works", can.readStaffArea);
  const params = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const search = await searchWorksForStaff(actor, params);
  const standing = search.query.rightsholderId ? await getRightsholderStanding(actor, search.query.rightsholderId) : null;
  const canAdminister = can.administer(actor);
  const exportHref = `/staff/works/export?${staffWorkQueryString({ ...search.query, page: 1, after: undefined })}`;
  const table = <StaffWorksResults hits={search.hits} query={search.query} isSelectable={canAdminister} />;
  return (
    <>
      <PageHeader
        title="Repertoire"
        description={`Every work of every rightsholder. Open one to see its history, usage and allocations${canAdminister ? ", and to correct, suspend or merge it" : ""}.${canAdminister ? "" : " Analysts read; staff administrators change."}`}
        actions={<LinkButton href={exportHref} variant="secondary" prefetch={false}>Export CSV</LinkButton>}
      />
      <StaffWorksFilterBar query={search.query} rightsholderName={standing?.name ?? null} />
      {standing ? <RightsholderPanel standing={standing} canAdminister={canAdminister} /> : null}
      <Summary search={search} />
      {search.hits.length === 0 ? (
        <EmptyState title={search.mode === "search" ? "No work matches" : "No works with these filters"}>
          {search.mode === "search" ? "Check the spelling, drop a word, or end one with * to match its beginning." : "Try another filter."}
        </EmptyState>
      ) : canAdminister ? (
        <WorksSelectionForm maxWorks={MAX_BULK_WORKS}>{table}</WorksSelectionForm>
      ) : (
        table
      )}
      <StaffWorksPager search={search} />
    </>
  );
}
