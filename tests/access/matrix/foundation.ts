// Accounts, organisations and members, staff basics: the foundation's use cases.
import { changePassword } from "@/server/accounts/change-password";
import { updateProfile } from "@/server/accounts/update-profile";
import { db } from "@/server/db";
import { getOutboxMessage, listOutbox } from "@/server/mail/outbox.queries";
import { changeMemberRole } from "@/server/organizations/change-member-role";
import { inviteMember } from "@/server/organizations/invite-member";
import { getOrganizationSummary, listMembers, listOpenInvitations } from "@/server/organizations/members.queries";
import { removeMember } from "@/server/organizations/remove-member";
import { revokeInvitation } from "@/server/organizations/revoke-invitation";
import { createStaffUser } from "@/server/staff/create-staff-user";
import { getStaffOverview } from "@/server/staff/dashboard.queries";
import { addMember, uniqueEmail } from "../../factories";
import { SIGNED_IN, STAFF, type ActorKey } from "../world";
import type { MatrixEntry } from "./types";

const LICENSEE_MEMBERS_AND_STAFF: ActorKey[] = ["licenseeOwner", "licenseeMember", ...STAFF];

export const FOUNDATION_MATRIX: Record<string, MatrixEntry> = {
  changePassword: {
    allowed: SIGNED_IN,
    // A wrong current password fails validation only after the access check passed.
    run: (actor) => changePassword(actor, { currentPassword: "not it", newPassword: "x".repeat(12), confirmPassword: "x".repeat(12) }),
  },
  updateProfile: { allowed: SIGNED_IN, run: (actor) => updateProfile(actor, { name: "Renamed Person" }) },
  inviteMember: {
    allowed: ["licenseeOwner"],
    run: (actor, w) => inviteMember(actor, { organizationId: w.licensee.organization.id, email: uniqueEmail("matrix"), role: "MEMBER" }),
  },
  revokeInvitation: {
    allowed: ["licenseeOwner"],
    run: async (actor, w) => {
      const invitation = await db.invitation.create({
        data: {
          organizationId: w.licensee.organization.id,
          email: uniqueEmail("matrix"),
          role: "MEMBER",
          tokenHash: `matrix-${crypto.randomUUID()}`,
          invitedById: w.licensee.owner.user.id,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      return revokeInvitation(actor, { organizationId: w.licensee.organization.id, invitationId: invitation.id });
    },
  },
  changeMemberRole: {
    allowed: ["licenseeOwner"],
    run: async (actor, w) => {
      const { membership } = await addMember(w.licensee.organization.id, "MEMBER");
      return changeMemberRole(actor, { organizationId: w.licensee.organization.id, membershipId: membership.id, role: "OWNER" });
    },
  },
  removeMember: {
    allowed: ["licenseeOwner"],
    run: async (actor, w) => {
      const { membership } = await addMember(w.licensee.organization.id, "MEMBER");
      return removeMember(actor, { organizationId: w.licensee.organization.id, membershipId: membership.id });
    },
  },
  listMembers: { allowed: LICENSEE_MEMBERS_AND_STAFF, run: (actor, w) => listMembers(actor, w.licensee.organization.id) },
  listOpenInvitations: { allowed: LICENSEE_MEMBERS_AND_STAFF, run: (actor, w) => listOpenInvitations(actor, w.licensee.organization.id) },
  getOrganizationSummary: { allowed: LICENSEE_MEMBERS_AND_STAFF, run: (actor, w) => getOrganizationSummary(actor, w.licensee.organization.id) },
  createStaffUser: {
    allowed: ["admin"],
    run: (actor) => createStaffUser(actor, { email: uniqueEmail("staff"), name: "New Staff", role: "ANALYST", password: "a staff password" }),
  },
  listOutbox: { allowed: STAFF, run: (actor) => listOutbox(actor, {}) },
  getOutboxMessage: { allowed: STAFF, run: (actor) => getOutboxMessage(actor, crypto.randomUUID()) },
  getStaffOverview: { allowed: STAFF, run: (actor) => getStaffOverview(actor) },
};

export const FOUNDATION_PUBLIC: Record<string, string> = {
  signUp: "anyone may create an account and organisation",
  requestPasswordReset: "answers the same whether or not the email exists",
  resetPassword: "gated by the emailed single-use token",
  findUsableResetToken: "gated by the emailed token",
  signInWithPassword: "the credentials check itself, throttled per email and IP",
  acceptInvitation: "gated by the emailed token and the invited email (members.test.ts covers a stranger and an existing account)",
  findOpenInvitation: "gated by the emailed token",
};

export const FOUNDATION_INTERNAL = [
  "writeAudit",
  "enqueueMail",
  "deliverPendingMail",
  "loadUserActor",
  "blockedUntil",
  "recordFailure",
  "clearFailures",
  "hashPassword",
  "verifyPassword",
  "dummyPasswordHash",
  "assertOwnerRemains",
  "applyRoleChange",
  "requirePageActor",
  "requestIp",
  "handleForm",
  "runAction",
  "enqueueJob",
  "claimJobs",
  "completeJob",
  "retryDelaySeconds",
  "failJob",
  "failAbandonedJobs",
  "reportProgress",
  "enqueueDueSchedules",
  "defineJob",
  "runDueJobs",
  "schedules",
  "startWorker",
  "parseCron",
  "nextCronTime",
  "currentMembership",
  "clientIpFromForwardedFor",
  "clientIpFromHeaderRecord",
  "newToken",
  "hashToken",
  "env",
  "appUrl",
  "forbidden",
  "notFound",
  "validation",
  "isAppError",
  "isUser",
  "isStaff",
  "isAdmin",
  "membershipIn",
  "membershipsOfKind",
  "authorize",
  "requireUser",
  "passwordResetMail",
  "invitationMail",
  "welcomeMail",
  "staffAccountMail",
  "formValues",
];
