import "server-only";
import type { RightsholderStatus } from "@/generated/prisma/enums";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { isUuid } from "@/lib/uuid";

export type RightsholderStanding = {
  id: string;
  name: string;
  participation: RightsholderStatus | null;
  suspendedAt: Date | null;
  suspendReason: string | null;
  /** Counted up to 100,000 (then "100,000+"). */
  works: number;
};

const WORKS_COUNT_CAP = 100_000;

/** A rightsholder's name and standing, for the search's rightsholder filter and its suspension panel. */
export async function getRightsholderStanding(actor: Actor | null, organizationId: string): Promise<RightsholderStanding | null> {
  authorize(can.readStaffArea(actor), "Only staff see this.");
  if (!isUuid(organizationId)) return null;
  const organization = await db.organization.findFirst({
    where: { id: organizationId, kind: "RIGHTSHOLDER" },
    select: { id: true, name: true, suspendedAt: true, suspendReason: true, rightsholderProfile: { select: { status: true } } },
  });
  if (!organization) return null;
  const [count] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM works WHERE "rightsholderId" = ${organizationId}::uuid LIMIT ${WORKS_COUNT_CAP + 1}) capped`;
  return {
    id: organization.id,
    name: organization.name,
    participation: organization.rightsholderProfile?.status ?? null,
    suspendedAt: organization.suspendedAt,
    suspendReason: organization.suspendReason,
    works: count?.n ?? 0,
  };
}
