import { describe, expect, it } from "vitest";
import { findUsableResetToken, resetPassword } from "@/server/accounts/reset-password";
import { deactivateUserAsStaff } from "@/server/accounts/staff-deactivate-user";
import { reactivateUserAsStaff } from "@/server/accounts/staff-reactivate-user";
import { sendPasswordResetAsStaff } from "@/server/accounts/staff-send-password-reset";
import { requestPasswordReset } from "@/server/accounts/request-password-reset";
import { loadUserActor } from "@/server/auth/load-actor";
import { db } from "@/server/db";
import { changeMemberRoleAsStaff } from "@/server/organizations/staff-change-member-role";
import { actorFor, addMember, createOrganizationWithPeople, createStaffActor, mailsTo, tokenFromLastMail } from "../factories";

// ADMIN's actions on an organisation's people: each needs a reason, is audited with before and
// after in the transaction that makes it, and keeps the organisation's rules.

const REASON = "Asked by the owner on the phone, ticket 4411";
const auditOf = (entityId: string, action: string) => db.auditLog.findMany({ where: { entityId, action } });
const userOf = (id: string) => db.user.findUniqueOrThrow({ where: { id }, select: { isActive: true, sessionVersion: true, passwordHash: true } });

describe("deactivating and reactivating an account", () => {
  it("ends every session at once, spends open reset links, and audits who, why, before and after", async () => {
    const admin = await createStaffActor("ADMIN");
    const org = await createOrganizationWithPeople("LICENSEE");
    const member = org.member.user;
    await requestPasswordReset({ email: member.email }, { ip: "127.0.0.1" });
    const resetToken = await tokenFromLastMail(member.email, "/reset-password/");
    const before = await userOf(member.id);
    expect(await loadUserActor(member.id, before.sessionVersion, null)).not.toBeNull();

    await deactivateUserAsStaff(admin, { organizationId: org.organization.id, userId: member.id, reason: REASON });
    const after = await userOf(member.id);
    expect(after).toMatchObject({ isActive: false, sessionVersion: before.sessionVersion + 1 });
    expect(await loadUserActor(member.id, before.sessionVersion, null)).toBeNull();
    expect(await loadUserActor(member.id, after.sessionVersion, null)).toBeNull();
    const [row] = await auditOf(member.id, "account.deactivated");
    expect(row).toMatchObject({
      actorUserId: admin.userId, actorKind: "staff", organizationId: org.organization.id, entityType: "User",
      before: { isActive: true, sessionVersion: before.sessionVersion },
      after: { isActive: false, sessionVersion: before.sessionVersion + 1, reason: REASON, resetLinksSpent: 1, leftWithoutActiveOwner: [] },
    });

    await expect(deactivateUserAsStaff(admin, { organizationId: org.organization.id, userId: member.id, reason: REASON })).rejects.toMatchObject({ code: "CONFLICT" });
    await reactivateUserAsStaff(admin, { organizationId: org.organization.id, userId: member.id, reason: "Confirmed it was a mistake" });
    expect(await userOf(member.id)).toMatchObject({ isActive: true, sessionVersion: after.sessionVersion });
    // Sessions from before stay ended; a new sign-in (the current version) works again. The old link stays spent.
    expect(await loadUserActor(member.id, before.sessionVersion, null)).toBeNull();
    expect(await loadUserActor(member.id, after.sessionVersion, null)).not.toBeNull();
    expect(await findUsableResetToken(resetToken)).toBeNull();
    expect((await auditOf(member.id, "account.reactivated"))[0]).toMatchObject({
      actorUserId: admin.userId, before: { isActive: false }, after: { isActive: true, reason: "Confirmed it was a mistake" },
    });
    await expect(reactivateUserAsStaff(admin, { organizationId: org.organization.id, userId: member.id, reason: REASON })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses without a reason, for oneself, and for a person who is not a member of that organisation", async () => {
    const admin = await createStaffActor("ADMIN");
    const org = await createOrganizationWithPeople("LICENSEE");
    const other = await createOrganizationWithPeople("LICENSEE");
    const target = { organizationId: org.organization.id, userId: org.member.user.id };
    await expect(deactivateUserAsStaff(admin, { ...target, reason: "" })).rejects.toMatchObject({ name: "ZodError", issues: [expect.objectContaining({ path: ["reason"] })] });
    await expect(deactivateUserAsStaff(admin, { ...target, reason: " no " })).rejects.toMatchObject({ name: "ZodError" });
    await expect(reactivateUserAsStaff(admin, { ...target, reason: "" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(deactivateUserAsStaff(admin, { organizationId: other.organization.id, userId: org.member.user.id, reason: REASON })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Even as a member of the organisation, an administrator does not deactivate their own account.
    await addMember(org.organization.id, "MEMBER", { id: admin.userId });
    await expect(deactivateUserAsStaff(admin, { organizationId: org.organization.id, userId: admin.userId, reason: REASON })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await userOf(org.member.user.id)).isActive).toBe(true);
    expect((await userOf(admin.userId)).isActive).toBe(true);
    expect(await auditOf(org.member.user.id, "account.deactivated")).toEqual([]);
  });

  it("deactivates the last active owner only once staff acknowledge it, naming the organisations left without one", async () => {
    const admin = await createStaffActor("ADMIN");
    const org = await createOrganizationWithPeople("RIGHTSHOLDER");
    const secondOwner = await addMember(org.organization.id, "OWNER");
    await db.user.update({ where: { id: secondOwner.user.id }, data: { isActive: false } });
    const input = { organizationId: org.organization.id, userId: org.owner.user.id, reason: REASON };

    // The other owner is deactivated already: this is the last active one.
    await expect(deactivateUserAsStaff(admin, input)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { leaveWithoutActiveOwner: [expect.stringContaining(org.organization.name)] } });
    expect((await userOf(org.owner.user.id)).isActive).toBe(true);
    const result = await deactivateUserAsStaff(admin, { ...input, leaveWithoutActiveOwner: "true" });
    expect(result.leftWithoutActiveOwner).toEqual([{ id: org.organization.id, name: org.organization.name }]);
    expect((await userOf(org.owner.user.id)).isActive).toBe(false);
    expect((await auditOf(org.owner.user.id, "account.deactivated"))[0]?.after).toMatchObject({ leftWithoutActiveOwner: [org.organization.id] });
    // The membership rule is untouched: the organisation still has its owners on file.
    expect(await db.membership.count({ where: { organizationId: org.organization.id, role: "OWNER" } })).toBe(2);
  });
  it("lets only one of two simultaneous deactivations of an organisation's two owners through without the acknowledgement", async () => {
    const [first, second] = [await createStaffActor("ADMIN"), await createStaffActor("ADMIN")];
    const org = await createOrganizationWithPeople("LICENSEE");
    const other = await addMember(org.organization.id, "OWNER");
    const outcomes = await Promise.allSettled([
      deactivateUserAsStaff(first, { organizationId: org.organization.id, userId: org.owner.user.id, reason: REASON }),
      deactivateUserAsStaff(second, { organizationId: org.organization.id, userId: other.user.id, reason: REASON }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "VALIDATION" } });
    expect(await db.user.count({ where: { id: { in: [org.owner.user.id, other.user.id] }, isActive: true } })).toBe(1);
  });
});

describe("changing a member's role", () => {
  it("promotes and demotes with a reason, ends the member's sessions, audits, and keeps at least one owner", async () => {
    const admin = await createStaffActor("ADMIN");
    const org = await createOrganizationWithPeople("LICENSEE");
    const organizationId = org.organization.id;
    const before = await userOf(org.member.user.id);

    await changeMemberRoleAsStaff(admin, { organizationId, membershipId: org.member.membership.id, role: "OWNER", reason: REASON });
    expect((await db.membership.findUniqueOrThrow({ where: { id: org.member.membership.id } })).role).toBe("OWNER");
    expect((await userOf(org.member.user.id)).sessionVersion).toBe(before.sessionVersion + 1);
    expect(await loadUserActor(org.member.user.id, before.sessionVersion, null)).toBeNull();
    expect((await auditOf(org.member.membership.id, "member.role_changed"))[0]).toMatchObject({
      actorUserId: admin.userId, actorKind: "staff", organizationId, before: { role: "MEMBER" }, after: { role: "OWNER", reason: REASON },
    });

    await changeMemberRoleAsStaff(admin, { organizationId, membershipId: org.owner.membership.id, role: "MEMBER", reason: REASON });
    await expect(changeMemberRoleAsStaff(admin, { organizationId, membershipId: org.member.membership.id, role: "MEMBER", reason: REASON }))
      .rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { role: [expect.stringContaining("at least one owner")] } });
    expect((await db.membership.findUniqueOrThrow({ where: { id: org.member.membership.id } })).role).toBe("OWNER");
    await expect(changeMemberRoleAsStaff(admin, { organizationId, membershipId: org.member.membership.id, role: "OWNER", reason: REASON })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(changeMemberRoleAsStaff(admin, { organizationId, membershipId: org.owner.membership.id, role: "OWNER", reason: "" })).rejects.toMatchObject({ name: "ZodError" });
    const other = await createOrganizationWithPeople("LICENSEE");
    await expect(changeMemberRoleAsStaff(admin, { organizationId: other.organization.id, membershipId: org.owner.membership.id, role: "OWNER", reason: REASON })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await auditOf(org.owner.membership.id, "member.role_changed")).toHaveLength(1);
  });
});

describe("sending a password reset link", () => {
  it("mails the usual one-hour link, audits it with the reason, and never touches the password", async () => {
    const admin = await createStaffActor("ADMIN");
    const org = await createOrganizationWithPeople("RIGHTSHOLDER");
    const person = org.member.user;
    const before = await userOf(person.id);

    const sent = await sendPasswordResetAsStaff(admin, { organizationId: org.organization.id, userId: person.id, reason: REASON });
    expect(sent.email).toBe(person.email);
    const mails = await mailsTo(person.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "password-reset" });
    expect(await userOf(person.id)).toEqual(before);
    const token = await tokenFromLastMail(person.email, "/reset-password/");
    expect(await findUsableResetToken(token)).toMatchObject({ userId: person.id });
    expect((await auditOf(person.id, "account.password_reset_sent"))).toEqual([expect.objectContaining({ actorUserId: admin.userId, organizationId: org.organization.id, after: expect.objectContaining({ reason: REASON }) })]);
    const row = (await auditOf(person.id, "account.password_reset_sent"))[0]!;
    expect(JSON.stringify([row.before, row.after])).not.toContain(token);

    // The person chooses the password from the link; staff never do.
    await resetPassword({ token, password: "a brand new password", confirmPassword: "a brand new password" }, { ip: null });
    expect((await userOf(person.id)).passwordHash).not.toBe(before.passwordHash);
  });

  it("refuses without a reason, for a deactivated account, and for another organisation's person", async () => {
    const admin = await createStaffActor("ADMIN");
    const org = await createOrganizationWithPeople("LICENSEE");
    const other = await createOrganizationWithPeople("LICENSEE");
    await expect(sendPasswordResetAsStaff(admin, { organizationId: org.organization.id, userId: org.member.user.id, reason: "" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(sendPasswordResetAsStaff(admin, { organizationId: other.organization.id, userId: org.member.user.id, reason: REASON })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.user.update({ where: { id: org.member.user.id }, data: { isActive: false } });
    await expect(sendPasswordResetAsStaff(admin, { organizationId: org.organization.id, userId: org.member.user.id, reason: REASON })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await mailsTo(org.member.user.email)).toEqual([]);
  });
});

describe("who may act", () => {
  it("refuses ANALYST and every organisation role each action, changing nothing", async () => {
    const org = await createOrganizationWithPeople("LICENSEE");
    const otherOwner = (await createOrganizationWithPeople("LICENSEE")).owner.actor;
    const rightsholderOwner = (await createOrganizationWithPeople("RIGHTSHOLDER")).owner.actor;
    const organizationId = org.organization.id;
    const target = { organizationId, userId: org.member.user.id, reason: REASON };
    const before = await userOf(org.member.user.id);
    const actions = [
      (actor: Parameters<typeof deactivateUserAsStaff>[0]) => deactivateUserAsStaff(actor, { ...target, leaveWithoutActiveOwner: true }),
      (actor: Parameters<typeof deactivateUserAsStaff>[0]) => reactivateUserAsStaff(actor, target),
      (actor: Parameters<typeof deactivateUserAsStaff>[0]) => sendPasswordResetAsStaff(actor, target),
      (actor: Parameters<typeof deactivateUserAsStaff>[0]) => changeMemberRoleAsStaff(actor, { organizationId, membershipId: org.member.membership.id, role: "OWNER", reason: REASON }),
    ];
    for (const actor of [await createStaffActor("ANALYST"), org.owner.actor, await actorFor(org.member.user.id), otherOwner, rightsholderOwner, null]) {
      for (const act of actions) await expect(act(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await userOf(org.member.user.id)).toEqual(before);
    expect((await db.membership.findUniqueOrThrow({ where: { id: org.member.membership.id } })).role).toBe("MEMBER");
    expect(await mailsTo(org.member.user.email)).toEqual([]);
    expect(await db.auditLog.count({ where: { organizationId, action: { in: ["account.deactivated", "account.reactivated", "account.password_reset_sent", "member.role_changed"] } } })).toBe(0);
  });
});
