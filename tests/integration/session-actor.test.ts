import { describe, expect, it } from "vitest";
import { loadUserActor } from "@/server/auth/load-actor";
import { db } from "@/server/db";
import { changeMemberRole } from "@/server/organizations/change-member-role";
import { createOrganizationWithPeople, createUser } from "../factories";

describe("the actor is re-checked on every request", () => {
  it("loads an active user with the session's version, with memberships", async () => {
    const { organization, owner } = await createOrganizationWithPeople("LICENSEE");
    const actor = await loadUserActor(owner.user.id, 1, "127.0.0.1");
    expect(actor?.memberships).toEqual([
      { organizationId: organization.id, organizationName: organization.name, kind: "LICENSEE", role: "OWNER" },
    ]);
  });

  it("refuses a deactivated user at once", async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await loadUserActor(user.id, 1, null)).toBeNull();
  });

  it("refuses sessions issued before a role change", async () => {
    const { organization, owner, member } = await createOrganizationWithPeople("RIGHTSHOLDER");
    await changeMemberRole(owner.actor, { organizationId: organization.id, membershipId: member.membership.id, role: "OWNER" });
    expect(await loadUserActor(member.user.id, 1, null)).toBeNull();
    const fresh = await loadUserActor(member.user.id, 2, null);
    expect(fresh?.memberships[0]?.role).toBe("OWNER");
  });

  it("drops memberships of a deactivated organisation", async () => {
    const { organization, owner } = await createOrganizationWithPeople("LICENSEE");
    await db.organization.update({ where: { id: organization.id }, data: { isActive: false } });
    expect((await loadUserActor(owner.user.id, 1, null))?.memberships).toEqual([]);
  });
});

describe("the actor's memberships", () => {
  it("lists every active organisation, oldest membership first, and nothing for an id that is not one", async () => {
    const first = await createOrganizationWithPeople("RIGHTSHOLDER");
    const second = await createOrganizationWithPeople("LICENSEE");
    await db.membership.create({ data: { userId: first.owner.user.id, organizationId: second.organization.id, role: "MEMBER", createdAt: new Date(Date.now() + 1000) } });
    const actor = await loadUserActor(first.owner.user.id, 1, "10.0.0.1");
    expect(actor).toMatchObject({ type: "user", userId: first.owner.user.id, email: first.owner.user.email, staffRole: null, ip: "10.0.0.1" });
    expect(actor?.memberships).toEqual([
      { organizationId: first.organization.id, organizationName: first.organization.name, kind: "RIGHTSHOLDER", role: "OWNER" },
      { organizationId: second.organization.id, organizationName: second.organization.name, kind: "LICENSEE", role: "MEMBER" },
    ]);
    expect(await loadUserActor("not-a-uuid", 1, null)).toBeNull();
    expect(await loadUserActor("00000000-0000-4000-8000-000000000000", 1, null)).toBeNull();
  });
});
