import { z } from "zod";
import { ZEmail, ZPassword, ZPersonName } from "../accounts/accounts.schema";

const ZId = z.uuid("Unknown item.");
export const ZMembershipRole = z.enum(["OWNER", "MEMBER"], { error: "Choose a role." });

export const ZInviteMemberInput = z.object({
  organizationId: ZId,
  email: ZEmail,
  role: ZMembershipRole,
});
export type TInviteMemberInput = z.infer<typeof ZInviteMemberInput>;

export const ZRevokeInvitationInput = z.object({ organizationId: ZId, invitationId: ZId });
export type TRevokeInvitationInput = z.infer<typeof ZRevokeInvitationInput>;

export const ZChangeMemberRoleInput = z.object({ organizationId: ZId, membershipId: ZId, role: ZMembershipRole });
export type TChangeMemberRoleInput = z.infer<typeof ZChangeMemberRoleInput>;

export const ZRemoveMemberInput = z.object({ organizationId: ZId, membershipId: ZId });
export type TRemoveMemberInput = z.infer<typeof ZRemoveMemberInput>;

/** A signed-in invitee sends only the token; a new person also chooses a name and password. */
export const ZAcceptInvitationInput = z.object({
  token: z.string().min(1).max(200),
  name: ZPersonName.optional(),
  password: ZPassword.optional(),
});
export type TAcceptInvitationInput = z.infer<typeof ZAcceptInvitationInput>;
