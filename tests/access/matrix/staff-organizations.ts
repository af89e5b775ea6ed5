// The staff organisations area: both staff roles read every organisation's list, export and tabs;
// only ADMIN deactivates and reactivates accounts, changes roles and sends reset links. Every
// organisation role is refused all of it, its own organisation included (members read their own
// organisation in their own area). Actions aim at people of an organisation made for the run,
// so the world's actors stay active.
import { deactivateUserAsStaff } from "@/server/accounts/staff-deactivate-user";
import { reactivateUserAsStaff } from "@/server/accounts/staff-reactivate-user";
import { sendPasswordResetAsStaff } from "@/server/accounts/staff-send-password-reset";
import { db } from "@/server/db";
import { changeMemberRoleAsStaff } from "@/server/organizations/staff-change-member-role";
import {
  listOrganizationCoverageChecksForStaff, listOrganizationGrantsForStaff, listOrganizationStatementsForStaff, listOrganizationUsageReportsForStaff,
} from "@/server/organizations/staff-organization-activity.queries";
import { getOrganizationForStaff, listOrganizationAuditForStaff, listOrganizationMembersForStaff } from "@/server/organizations/staff-organization.queries";
import { exportOrganizationsCsv } from "@/server/organizations/staff-organizations-csv";
import { listOrganizationsForStaff } from "@/server/organizations/staff-organizations.queries";
import { createOrganizationWithPeople } from "../../factories";
import { STAFF } from "../world";
import type { MatrixEntry } from "./types";

const REASON = "Access matrix check";

export const STAFF_ORGANIZATIONS_MATRIX: Record<string, MatrixEntry> = {
  listOrganizationsForStaff: { allowed: STAFF, run: (actor) => listOrganizationsForStaff(actor, { q: "matrix" }) },
  exportOrganizationsCsv: { allowed: STAFF, run: (actor) => exportOrganizationsCsv(actor, { q: "matrix" }) },
  getOrganizationForStaff: { allowed: STAFF, run: (actor, w) => getOrganizationForStaff(actor, w.licensee.organization.id) },
  listOrganizationMembersForStaff: { allowed: STAFF, run: (actor, w) => listOrganizationMembersForStaff(actor, { organizationId: w.licensee.organization.id }) },
  listOrganizationAuditForStaff: { allowed: STAFF, run: (actor, w) => listOrganizationAuditForStaff(actor, { organizationId: w.rightsholder.organization.id }) },
  listOrganizationGrantsForStaff: { allowed: STAFF, run: (actor, w) => listOrganizationGrantsForStaff(actor, { organizationId: w.licensee.organization.id }) },
  listOrganizationUsageReportsForStaff: { allowed: STAFF, run: (actor, w) => listOrganizationUsageReportsForStaff(actor, { organizationId: w.licensee.organization.id }) },
  listOrganizationCoverageChecksForStaff: { allowed: STAFF, run: (actor, w) => listOrganizationCoverageChecksForStaff(actor, { organizationId: w.licensee.organization.id }) },
  listOrganizationStatementsForStaff: { allowed: STAFF, run: (actor, w) => listOrganizationStatementsForStaff(actor, { organizationId: w.rightsholder.organization.id }) },
  deactivateUserAsStaff: {
    allowed: ["admin"],
    run: async (actor) => {
      const org = await createOrganizationWithPeople("LICENSEE");
      return deactivateUserAsStaff(actor, { organizationId: org.organization.id, userId: org.member.user.id, reason: REASON });
    },
  },
  reactivateUserAsStaff: {
    allowed: ["admin"],
    run: async (actor) => {
      const org = await createOrganizationWithPeople("LICENSEE");
      await db.user.update({ where: { id: org.member.user.id }, data: { isActive: false } });
      return reactivateUserAsStaff(actor, { organizationId: org.organization.id, userId: org.member.user.id, reason: REASON });
    },
  },
  sendPasswordResetAsStaff: {
    allowed: ["admin"],
    run: async (actor) => {
      const org = await createOrganizationWithPeople("RIGHTSHOLDER");
      return sendPasswordResetAsStaff(actor, { organizationId: org.organization.id, userId: org.member.user.id, reason: REASON });
    },
  },
  changeMemberRoleAsStaff: {
    allowed: ["admin"],
    run: async (actor) => {
      const org = await createOrganizationWithPeople("LICENSEE");
      return changeMemberRoleAsStaff(actor, { organizationId: org.organization.id, membershipId: org.member.membership.id, role: "OWNER", reason: REASON });
    },
  },
};

export const STAFF_ORGANIZATIONS_PUBLIC: Record<string, string> = {};

export const STAFF_ORGANIZATIONS_INTERNAL = [
  // request plumbing of GET /staff/organizations/export.csv, which then calls exportOrganizationsCsv
  "organizationsCsvResponse",
  // the list's filter and row builder, called by listOrganizationsForStaff and exportOrganizationsCsv after their access check
  "organizationsWhere", "organizationRows",
  // paging and lookup helpers of the staff organisation queries, after their access check
  "staffPageWindow", "staffPageOf", "findOrganizationForStaff",
  // called inside deactivateUserAsStaff's transaction, after the access check
  "organizationsLeftWithoutActiveOwner",
];
