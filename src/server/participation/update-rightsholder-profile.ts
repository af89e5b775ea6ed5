import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { ZRightsholderProfileInput, type TRightsholderProfileInput } from "./participation.schema";

/** Legal name, country and the contact staff write to. Owners only. */
export async function updateRightsholderProfile(actor: Actor | null, rawInput: TRightsholderProfileInput) {
  authorize(can.manageParticipation(actor, String(rawInput.organizationId ?? "")), "Only the organisation's owners can change its profile.");
  const input = ZRightsholderProfileInput.parse(rawInput);
  return db.$transaction(async (tx) => {
    const before = await tx.rightsholderProfile.findUnique({
      where: { organizationId: input.organizationId },
      select: { legalName: true, country: true, contactName: true, contactEmail: true },
    });
    if (!before) throw notFound("That rightsholder");
    const after = { legalName: input.legalName, country: input.country, contactName: input.contactName, contactEmail: input.contactEmail };
    if (JSON.stringify(before) === JSON.stringify(after)) return { changed: false };
    // Tax residence follows the country: the domestic withholding rate applies to US payees.
    await tx.rightsholderProfile.update({ where: { organizationId: input.organizationId }, data: { ...after, isTaxDomestic: input.country === "US" } });
    await writeAudit(tx, actor, { action: "participation.profile_updated", entityType: "Organization", entityId: input.organizationId, organizationId: input.organizationId, before, after });
    return { changed: true };
  });
}
