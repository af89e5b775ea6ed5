// The cast of the access matrix: one actor per role, and organisations to aim at.
import type { UserActor } from "@/server/auth/actor";
import { createOrganizationWithPeople, createStaffActor } from "../factories";

export const ACTOR_KEYS = [
  "anonymous",
  "licenseeOwner",
  "licenseeMember",
  "otherLicenseeOwner",
  "rightsholderOwner",
  "rightsholderMember",
  "otherRightsholderOwner",
  "admin",
  "analyst",
] as const;
export type ActorKey = (typeof ACTOR_KEYS)[number];

export type World = Awaited<ReturnType<typeof createWorld>>;

export async function createWorld() {
  const licensee = await createOrganizationWithPeople("LICENSEE");
  const otherLicensee = await createOrganizationWithPeople("LICENSEE");
  const rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
  const otherRightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
  const actors: Record<ActorKey, UserActor | null> = {
    anonymous: null,
    licenseeOwner: licensee.owner.actor,
    licenseeMember: licensee.member.actor,
    otherLicenseeOwner: otherLicensee.owner.actor,
    rightsholderOwner: rightsholder.owner.actor,
    rightsholderMember: rightsholder.member.actor,
    otherRightsholderOwner: otherRightsholder.owner.actor,
    admin: await createStaffActor("ADMIN"),
    analyst: await createStaffActor("ANALYST"),
  };
  return { licensee, otherLicensee, rightsholder, otherRightsholder, actors };
}

export const SIGNED_IN: ActorKey[] = ACTOR_KEYS.filter((k) => k !== "anonymous");
export const STAFF: ActorKey[] = ["admin", "analyst"];
