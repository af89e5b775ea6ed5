import "server-only";
import type { NormalizedIdentifier } from "@/lib/identifiers";
import { todayUtc } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { authorize, can, isStaff } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { loadWorkHistory } from "./work-history";
import { dateOnly, managedRightsholderIds, readableRightsholderIds } from "./work-scope";
import { countWorks, identifiersOfWorks, interpretSearch, selectWorksPage, type WorkRow, type WorksSearch } from "./works-list-sql";
import { ZCoOwnerSearchInput, ZWorkId, decodeWorksCursor, encodeWorksCursor, type TCoOwnerSearchInput, type WorksFilters } from "./works.schema";

/**
 * Works per page of the rightsholder's list. 25 rather than 50: rendering the rows is most of the
 * page's cost, and the list is the busiest page of the rightsholder area (docs/reliability.md,
 * "Load"); large catalogues are searched and filtered rather than paged through.
 */
export const WORKS_PAGE_SIZE = 25;
/** Counting stops here: past it the page says "10,000+" rather than scanning a million rows. */
export const WORKS_COUNT_CAP = 10_000;

export type WorkListItem = WorkRow & { identifiers: NormalizedIdentifier[] };

export type WorksPage = {
  works: WorkListItem[];
  /** Matching works, counted up to WORKS_COUNT_CAP; `isCapped` when there are more. */
  count: number;
  isCapped: boolean;
  /** Cursor tokens for the next and previous pages (null at either end). */
  next: string | null;
  previous: string | null;
  search: WorksSearch;
  /** False when the organisation has no works at all (the empty state differs from "no match"). */
  hasAnyWorks: boolean;
};

/**
 * One page of a rightsholder's works with the list's filters, search and sort. `after`/`before`
 * are cursor tokens from an earlier page; a token that does not fit the sort starts at page one.
 */
export async function listWorks(
  actor: Actor | null,
  organizationId: string,
  filters: WorksFilters,
  page: { after?: string; before?: string; limit?: number } = {},
): Promise<WorksPage> {
  authorize(can.readWorks(actor, organizationId));
  const limit = Math.min(Math.max(page.limit ?? WORKS_PAGE_SIZE, 1), 500);
  const cursor = decodeWorksCursor(filters.sort, "after", page.after) ?? decodeWorksCursor(filters.sort, "before", page.before);
  const search = interpretSearch(filters.q);
  const today = todayUtc();
  const [{ rows, hasMore }, count] = await Promise.all([
    selectWorksPage(organizationId, filters, search, today, cursor, limit),
    countWorks(organizationId, filters, search, today, WORKS_COUNT_CAP),
  ]);
  const identifiers = await identifiersOfWorks(rows.map((r) => r.id));
  const first = rows[0];
  const last = rows.at(-1);
  // Going forward, rows lie behind us when we came from a cursor; going back, ahead of us always.
  const isBackward = cursor?.direction === "before";
  const hasNext = isBackward ? rows.length > 0 : hasMore;
  const hasPrevious = isBackward ? hasMore : cursor !== null && rows.length > 0;
  const hasAnyWorks = count > 0 || (await db.work.findFirst({ where: { rightsholderId: organizationId }, select: { id: true } })) !== null;
  return {
    works: rows.map((r) => ({ ...r, identifiers: identifiers.get(r.id) ?? [] })),
    count: Math.min(count, WORKS_COUNT_CAP),
    isCapped: count > WORKS_COUNT_CAP,
    next: hasNext && last ? encodeWorksCursor(filters.sort, last) : null,
    previous: hasPrevious && first ? encodeWorksCursor(filters.sort, first) : null,
    search,
    hasAnyWorks,
  };
}

export type WorkDetails = NonNullable<Awaited<ReturnType<typeof getWork>>>;

/**
 * One work with its identifiers, co-owners, open disputes (both sides: another rightsholder
 * claiming this work's identifier, and this work's claims on another's) and its history.
 * Another organisation's work is "not found".
 */
export async function getWork(actor: Actor | null, rawWorkId: number | string) {
  const scope = readableRightsholderIds(actor);
  authorize(scope === "all" || scope.length > 0);
  const workId = ZWorkId.safeParse(rawWorkId);
  if (!workId.success) throw notFound("That work");
  const work = await db.work.findFirst({
    where: { id: workId.data, ...(scope === "all" ? {} : { rightsholderId: { in: scope } }) },
    select: {
      id: true, rightsholderId: true, title: true, contributors: true, type: true, language: true, publicationYear: true, publisher: true,
      purposes: true, excludedFrom: true, status: true, suspendReason: true, mergedIntoId: true, createdAt: true, updatedAt: true,
      rightsholder: { select: { name: true } },
      identifiers: { select: { type: true, value: true }, orderBy: { id: "asc" } },
      coOwners: {
        orderBy: { id: "asc" },
        select: { id: true, organizationId: true, externalPayeeName: true, externalPayeeEmail: true, shareBps: true, organization: { select: { name: true } } },
      },
    },
  });
  if (!work) throw notFound("That work");
  authorize(can.readWorks(actor, work.rightsholderId));

  const disputes = await db.dispute.findMany({
    where: { OR: [{ workId: work.id }, { claimantWorkId: work.id }] },
    orderBy: { openedAt: "desc" },
    select: { id: true, status: true, workId: true, claimantWorkId: true, identifierType: true, identifierValue: true, reason: true, openedAt: true, origin: true },
  });
  const history = await loadWorkHistory(actor, work, disputes.map((d) => d.id));
  const today = todayUtc();
  const excludedFrom = dateOnly(work.excludedFrom);
  return {
    ...work,
    excludedFrom,
    exclusion: excludedFrom === null ? "none" as const : excludedFrom <= today ? "in-effect" as const : "scheduled" as const,
    today,
    canEdit: work.status === "ENROLLED" && managedRightsholderIds(actor).includes(work.rightsholderId),
    openDisputes: disputes
      .filter((d) => d.status === "OPEN")
      .map((d) => ({
        id: d.id,
        openedAt: d.openedAt,
        identifier: d.identifierType && d.identifierValue ? { type: d.identifierType, value: d.identifierValue } : null,
        /** "claimed-from-us": another rightsholder claims this work's identifier; "our-claim": this work claims another's. */
        side: d.claimantWorkId === work.id ? ("our-claim" as const) : ("claimed-from-us" as const),
        origin: d.origin,
      })),
    history,
    viewerIsStaff: isStaff(actor),
  };
}

/**
 * Approved rightsholder organisations whose name contains `q`, to name as co-owners of a work:
 * id and name only. The work's own rightsholder is left out (it is always on the list).
 */
export async function searchCoOwnerCandidates(actor: Actor | null, rawInput: TCoOwnerSearchInput): Promise<{ id: string; name: string }[]> {
  const input = ZCoOwnerSearchInput.parse(rawInput);
  const organizationIds = managedRightsholderIds(actor);
  authorize(organizationIds.length > 0, "Only members of the work's rightsholder can choose its co-owners.");
  const work = await db.work.findFirst({ where: { id: input.workId, rightsholderId: { in: organizationIds } }, select: { rightsholderId: true } });
  if (!work) throw notFound("That work");
  authorize(can.manageWorks(actor, work.rightsholderId));
  if (input.q.length < 2) return [];
  const pattern = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db.$queryRaw<{ id: string; name: string }[]>`
    SELECT o.id::text AS id, o.name
      FROM organizations o JOIN rightsholder_profiles p ON p."organizationId" = o.id
     WHERE o.kind = 'RIGHTSHOLDER' AND o."isActive" AND p.status = 'APPROVED'
       AND o.id <> ${work.rightsholderId}::uuid AND o.name ILIKE ${pattern}
     ORDER BY o.name, o.id
     LIMIT 10`;
}
