// Works: enrollment, editing, lists and exports of one rightsholder's repertoire.
import { createWork } from "@/server/works/create-work";
import { exportWorksCsv } from "@/server/works/export-works";
import { setCoOwners } from "@/server/works/set-co-owners";
import { setWorkExclusion } from "@/server/works/set-work-exclusion";
import { updateWork } from "@/server/works/update-work";
import { getWork, listWorks, searchCoOwnerCandidates } from "@/server/works/works.queries";
import { parseWorksFilters } from "@/server/works/works.schema";
import { createWork as createWorkRow, uniqueIsbn } from "../../factories/works";
import { STAFF, type ActorKey } from "../world";
import type { MatrixEntry } from "./types";

const RIGHTSHOLDER_MEMBERS: ActorKey[] = ["rightsholderOwner", "rightsholderMember"];
const RIGHTSHOLDER_MEMBERS_AND_STAFF: ActorKey[] = [...RIGHTSHOLDER_MEMBERS, ...STAFF];

const nextYear = () => `${new Date().getUTCFullYear() + 1}-01-01`;

export const WORKS_MATRIX: Record<string, MatrixEntry> = {
  createWork: {
    allowed: RIGHTSHOLDER_MEMBERS,
    run: (actor, w) => createWork(actor, { organizationId: w.rightsholder.organization.id, work: { title: "Matrix work", identifiers: [uniqueIsbn()] } }),
  },
  updateWork: {
    allowed: RIGHTSHOLDER_MEMBERS,
    run: async (actor, w) => {
      const work = await createWorkRow(w.rightsholder.organization.id);
      return updateWork(actor, { workId: work.id, work: { title: "Renamed in the matrix", identifiers: [work.identifiers[0]!.value] } });
    },
  },
  setWorkExclusion: {
    allowed: RIGHTSHOLDER_MEMBERS,
    run: async (actor, w) => {
      const work = await createWorkRow(w.rightsholder.organization.id);
      return setWorkExclusion(actor, { workId: work.id, excludedFrom: nextYear() });
    },
  },
  setCoOwners: {
    allowed: RIGHTSHOLDER_MEMBERS,
    run: async (actor, w) => {
      const work = await createWorkRow(w.rightsholder.organization.id);
      return setCoOwners(actor, { workId: work.id, owners: [{ organizationId: w.rightsholder.organization.id, share: "100" }] });
    },
  },
  searchCoOwnerCandidates: {
    allowed: RIGHTSHOLDER_MEMBERS,
    run: async (actor, w) => {
      const work = await createWorkRow(w.rightsholder.organization.id);
      return searchCoOwnerCandidates(actor, { workId: work.id, q: "press" });
    },
  },
  listWorks: {
    allowed: RIGHTSHOLDER_MEMBERS_AND_STAFF,
    run: (actor, w) => listWorks(actor, w.rightsholder.organization.id, parseWorksFilters({})),
  },
  getWork: {
    allowed: RIGHTSHOLDER_MEMBERS_AND_STAFF,
    run: async (actor, w) => {
      const work = await createWorkRow(w.rightsholder.organization.id);
      return getWork(actor, work.id);
    },
  },
  exportWorksCsv: {
    allowed: RIGHTSHOLDER_MEMBERS_AND_STAFF,
    run: (actor, w) => exportWorksCsv(actor, w.rightsholder.organization.id, parseWorksFilters({})),
  },
};

export const WORKS_PUBLIC: Record<string, string> = {};

export const WORKS_INTERNAL = [
  "mergeWorks",
  "describeIdentifier",
  "snapshot",
  "csvDownloadResponse", "pdfDownloadResponse",
  "pgPool",
  "withPgTransaction",
  "auditActorColumns",
  // Building blocks of the works use cases above (each of those checks access first).
  "managedRightsholderIds",
  "readableRightsholderIds",
  "lockManagedWork",
  "dateOnly",
  "workFieldErrors",
  "loadWorkHistory",
  "interpretSearch",
  "titlePrefixQuery",
  "selectWorksPage",
  "countWorks",
  "identifiersOfWorks",
];
