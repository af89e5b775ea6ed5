import type { OrganizationKind } from "@/generated/prisma/enums";
import type { OrgMembership, UserActor } from "./actor";

/**
 * The organisation an area page works on: the actor's first membership of that kind (by join
 * date). People normally belong to one organisation; the id still goes through the policies.
 */
export function currentMembership(actor: UserActor, kind: OrganizationKind): OrgMembership | undefined {
  return actor.memberships.find((m) => m.kind === kind);
}
