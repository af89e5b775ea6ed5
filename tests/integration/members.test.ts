import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { acceptInvitation } from "@/server/organizations/accept-invitation";
import { changeMemberRole } from "@/server/organizations/change-member-role";
import { inviteMember } from "@/server/organizations/invite-member";
import { removeMember } from "@/server/organizations/remove-member";
import { revokeInvitation } from "@/server/organizations/revoke-invitation";
import { actorFor, createOrganizationWithPeople, createUser, tokenFromLastMail, uniqueEmail } from "../factories";

const context = { ip: "127.0.0.1" };

describe("member invitations", () => {
  it("lets a new person create an account from the emailed link and join with the invited role", async () => {
    const { organization, owner } = await createOrganizationWithPeople("LICENSEE");
    const email = uniqueEmail("invitee");
    await inviteMember(owner.actor, { organizationId: organization.id, email, role: "MEMBER" });
    const token = await tokenFromLastMail(email, "/invite/");

    const result = await acceptInvitation(null, { token, name: "New Person", password: "their own password" }, context);
    expect(result).toMatchObject({ email, isNewAccount: true });
    const membership = await db.membership.findFirstOrThrow({ where: { organizationId: organization.id, user: { email } } });
    expect(membership.role).toBe("MEMBER");
    await expect(acceptInvitation(null, { token, name: "Again", password: "their own password" }, context)).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });

  it("asks for name and password when the invitee has no account", async () => {
    const { organization, owner } = await createOrganizationWithPeople("LICENSEE");
    const email = uniqueEmail("invitee");
    await inviteMember(owner.actor, { organizationId: organization.id, email, role: "MEMBER" });
    const token = await tokenFromLastMail(email, "/invite/");
    await expect(acceptInvitation(null, { token }, context)).rejects.toMatchObject({
      fieldErrors: { name: [expect.any(String)], password: [expect.any(String)] },
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("requires an existing account to sign in as the invited email", async () => {
    const { organization, owner } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const invitee = await createUser();
    const stranger = await createUser();
    await inviteMember(owner.actor, { organizationId: organization.id, email: invitee.email, role: "OWNER" });
    const token = await tokenFromLastMail(invitee.email, "/invite/");
    await expect(acceptInvitation(null, { token, name: "x", password: "yyyyyyyyyyyy" }, context)).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(acceptInvitation(await actorFor(stranger.id), { token }, context)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await acceptInvitation(await actorFor(invitee.id), { token }, context);
    expect((await actorFor(invitee.id)).memberships).toEqual([expect.objectContaining({ organizationId: organization.id, role: "OWNER" })]);
  });

  it("refuses inviting an existing member, and a newer invitation replaces the older link", async () => {
    const { organization, owner, member } = await createOrganizationWithPeople("LICENSEE");
    await expect(
      inviteMember(owner.actor, { organizationId: organization.id, email: member.user.email, role: "MEMBER" }),
    ).rejects.toMatchObject({ fieldErrors: { email: ["This person is already a member."] } });
    const email = uniqueEmail();
    await inviteMember(owner.actor, { organizationId: organization.id, email, role: "MEMBER" });
    const first = await tokenFromLastMail(email, "/invite/");
    await inviteMember(owner.actor, { organizationId: organization.id, email, role: "OWNER" });
    await expect(acceptInvitation(null, { token: first, name: "A", password: "aaaaaaaaaaaa" }, context)).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });

  it("makes a revoked invitation unusable", async () => {
    const { organization, owner } = await createOrganizationWithPeople("LICENSEE");
    const email = uniqueEmail();
    const invitation = await inviteMember(owner.actor, { organizationId: organization.id, email, role: "MEMBER" });
    const token = await tokenFromLastMail(email, "/invite/");
    await revokeInvitation(owner.actor, { organizationId: organization.id, invitationId: invitation.id });
    await expect(acceptInvitation(null, { token, name: "A", password: "aaaaaaaaaaaa" }, context)).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("roles and removal", () => {
  it("keeps at least one owner", async () => {
    const { organization, owner } = await createOrganizationWithPeople("LICENSEE");
    await expect(
      changeMemberRole(owner.actor, { organizationId: organization.id, membershipId: owner.membership.id, role: "MEMBER" }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(removeMember(owner.actor, { organizationId: organization.id, membershipId: owner.membership.id })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(await db.membership.findUnique({ where: { id: owner.membership.id } })).toMatchObject({ role: "OWNER" });
  });

  it("removes a member, ends their sessions and records it", async () => {
    const { organization, owner, member } = await createOrganizationWithPeople("RIGHTSHOLDER");
    await removeMember(owner.actor, { organizationId: organization.id, membershipId: member.membership.id });
    expect(await db.membership.findUnique({ where: { id: member.membership.id } })).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: member.user.id } })).sessionVersion).toBe(2);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: member.membership.id, action: "member.removed" } });
    expect(audit).toMatchObject({ actorUserId: owner.user.id, organizationId: organization.id });
  });

  it("treats another organisation's membership id as not found", async () => {
    const a = await createOrganizationWithPeople("LICENSEE");
    const b = await createOrganizationWithPeople("LICENSEE");
    await expect(removeMember(a.owner.actor, { organizationId: a.organization.id, membershipId: b.member.membership.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.membership.findUnique({ where: { id: b.member.membership.id } })).not.toBeNull();
  });
});
