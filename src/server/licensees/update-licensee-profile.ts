import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { ZLicenseeProfileInput, type TLicenseeProfileInput } from "./licensee-profile.schema";

/**
 * A licensee's owners keep its profile: the details the price is computed from and the
 * attestation, which is given again (who, when) with every change.
 */
export async function updateLicenseeProfile(actor: Actor | null, rawInput: TLicenseeProfileInput) {
  authorize(can.manageLicenseeProfile(actor, String(rawInput.organizationId ?? "")), "Only the organisation's owners can change its profile.");
  const user = requireUser(actor);
  const input = ZLicenseeProfileInput.parse(rawInput);
  return db.$transaction(async (tx) => {
    const before = await tx.licenseeProfile.findUnique({
      where: { organizationId: input.organizationId },
      select: { legalName: true, country: true, industryGroup: true, employeeCount: true, aiSystemsDescription: true, lawfulContentAttestedAt: true },
    });
    if (!before) throw notFound("That licensee");
    const fields = {
      legalName: input.legalName,
      country: input.country,
      industryGroup: input.industryGroup,
      employeeCount: input.employeeCount,
      aiSystemsDescription: input.aiSystemsDescription,
    };
    const isSame = Object.entries(fields).every(([k, v]) => before[k as keyof typeof fields] === v) && before.lawfulContentAttestedAt !== null;
    if (isSame) return { changed: false };
    const attestedAt = new Date();
    await tx.licenseeProfile.update({ where: { organizationId: input.organizationId }, data: { ...fields, lawfulContentAttestedAt: attestedAt, attestedById: user.userId } });
    await writeAudit(tx, actor, {
      action: "licensee.profile_updated",
      entityType: "Organization",
      entityId: input.organizationId,
      organizationId: input.organizationId,
      before,
      after: { ...fields, lawfulContentAttestedAt: attestedAt },
    });
    return { changed: true };
  });
}
