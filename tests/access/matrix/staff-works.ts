// The staff repertoire: both staff roles search every work, open one, read a rightsholder's
// standing and export; only ADMIN edits, suspends, merges and suspends rightsholders (ANALYST
// changes nothing). Every organisation role is refused all of it, the work's own rightsholder
// included: its members change their works in their own area, under its rules.
import { searchWorksForStaff } from "@/server/repertoire/staff-work-search";
import { exportWorksForStaffCsv } from "@/server/repertoire/staff-work-export";
import { getRightsholderStanding } from "@/server/repertoire/staff-rightsholder.queries";
import { suspendRightsholder, unsuspendRightsholder } from "@/server/repertoire/staff-rightsholder-suspension";
import { mergeWorkInto } from "@/server/works/staff-merge-work";
import { suspendWorks, unsuspendWorks } from "@/server/works/staff-set-works-suspension";
import { staffUpdateWork } from "@/server/works/staff-update-work";
import { getWorkForStaff } from "@/server/works/staff-work.queries";
import { createOrganization } from "../../factories";
import { createWork } from "../../factories/works";
import { STAFF } from "../world";
import type { MatrixEntry } from "./types";

const reason = "Access matrix";

export const STAFF_WORKS_MATRIX: Record<string, MatrixEntry> = {
  searchWorksForStaff: { allowed: STAFF, run: (actor) => searchWorksForStaff(actor, { q: "harbour" }) },
  exportWorksForStaffCsv: { allowed: STAFF, run: (actor) => exportWorksForStaffCsv(actor, { q: "harbour" }) },
  getRightsholderStanding: { allowed: STAFF, run: (actor, w) => getRightsholderStanding(actor, w.rightsholder.organization.id) },
  getWorkForStaff: { allowed: STAFF, run: async (actor, w) => getWorkForStaff(actor, (await createWork(w.rightsholder.organization.id)).id) },
  staffUpdateWork: {
    allowed: ["admin"],
    run: async (actor, w) => {
      const work = await createWork(w.rightsholder.organization.id);
      return staffUpdateWork(actor, { workId: work.id, reason, work: { title: "Corrected title", identifiers: [work.identifiers[0]!.value] } });
    },
  },
  suspendWorks: { allowed: ["admin"], run: async (actor, w) => suspendWorks(actor, { workIds: [(await createWork(w.rightsholder.organization.id)).id], reason }) },
  unsuspendWorks: { allowed: ["admin"], run: async (actor, w) => unsuspendWorks(actor, { workIds: [(await createWork(w.rightsholder.organization.id)).id], reason }) },
  mergeWorkInto: {
    allowed: ["admin"],
    run: async (actor, w) => {
      const [duplicate, target] = [await createWork(w.rightsholder.organization.id), await createWork(w.rightsholder.organization.id)];
      return mergeWorkInto(actor, { workId: duplicate.id, targetId: target.id, reason });
    },
  },
  // A rightsholder of its own, so that the shared world's rightsholder is never suspended.
  suspendRightsholder: { allowed: ["admin"], run: async (actor) => suspendRightsholder(actor, { organizationId: (await createOrganization("RIGHTSHOLDER")).id, reason }) },
  unsuspendRightsholder: { allowed: ["admin"], run: async (actor) => unsuspendRightsholder(actor, { organizationId: (await createOrganization("RIGHTSHOLDER")).id, reason }) },
};

export const STAFF_WORKS_PUBLIC: Record<string, string> = {};

export const STAFF_WORKS_INTERNAL = [
  // the search's SQL and reading of the box, called by searchWorksForStaff and the export after their access check
  "planStaffSearch", "indexedWords", "staffTsQuery", "staffWorkSearchSql", "staffWorkBrowseSql", "highlightText",
  // building blocks of the staff changes to works, inside their transaction after the access check
  "parseStaffInput", "lockWorksForStaff", "withStaffActions",
  // the mail staff-rightsholder-suspension.ts puts in the outbox
  "rightsholderSuspensionMail",
];
