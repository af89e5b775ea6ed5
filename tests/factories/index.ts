// Test data through Prisma against the real test database. Every row gets a unique email or
// name, because test files run in parallel against one database.
import { randomUUID } from "node:crypto";
import type { MembershipRole, OrganizationKind, StaffRole } from "@/generated/prisma/enums";
import type { UserActor } from "@/server/auth/actor";
import { loadUserActor } from "@/server/auth/load-actor";
import { hashPassword } from "@/server/auth/password";
import { db } from "@/server/db";

export const TEST_PASSWORD = "correct horse battery";

// Hashing is deliberately slow; one hash serves every factory user.
let passwordHash: Promise<string> | undefined;
function testPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function createUser(options: { email?: string; name?: string; staffRole?: StaffRole; isActive?: boolean } = {}) {
  return db.user.create({
    data: {
      email: options.email ?? uniqueEmail(),
      name: options.name ?? "Test Person",
      passwordHash: await testPasswordHash(),
      staffRole: options.staffRole ?? null,
      isActive: options.isActive ?? true,
    },
  });
}

export async function createOrganization(kind: OrganizationKind, name = `${kind.toLowerCase()} ${randomUUID().slice(0, 6)}`) {
  const organization = await db.organization.create({ data: { kind, name } });
  if (kind === "RIGHTSHOLDER") await db.rightsholderProfile.create({ data: { organizationId: organization.id } });
  else await db.licenseeProfile.create({ data: { organizationId: organization.id } });
  return organization;
}

export async function addMember(organizationId: string, role: MembershipRole, user?: { id: string }) {
  const member = user ? await db.user.findUniqueOrThrow({ where: { id: user.id } }) : await createUser();
  const membership = await db.membership.create({ data: { organizationId, userId: member.id, role } });
  return { user: member, membership };
}

/** The actor exactly as a request would load it. */
export async function actorFor(userId: string, ip = "127.0.0.1"): Promise<UserActor> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  const actor = await loadUserActor(userId, user.sessionVersion, ip);
  if (!actor) throw new Error("The factory user cannot act (inactive?)");
  return actor;
}

export async function createStaffActor(role: StaffRole): Promise<UserActor> {
  const user = await createUser({ staffRole: role, name: `Staff ${role}` });
  return actorFor(user.id);
}

/** An organisation with an owner and a member, and their actors. */
export async function createOrganizationWithPeople(kind: OrganizationKind) {
  const organization = await createOrganization(kind);
  const owner = await addMember(organization.id, "OWNER");
  const member = await addMember(organization.id, "MEMBER");
  return {
    organization,
    owner: { ...owner, actor: await actorFor(owner.user.id) },
    member: { ...member, actor: await actorFor(member.user.id) },
  };
}

export async function mailsTo(email: string) {
  return db.mailMessage.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
}

/** The token in the last link mailed to `email` for the given path prefix ("/reset-password/"). */
export async function tokenFromLastMail(email: string, pathPrefix: string): Promise<string> {
  const mails = await mailsTo(email);
  const text = mails.at(-1)?.text ?? "";
  const match = new RegExp(`${pathPrefix.replace(/\//g, "\\/")}([A-Za-z0-9_-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`No ${pathPrefix} link in the last mail to ${email}`);
  return match[1];
}
