import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { validation } from "../errors";
import { currentAgreement } from "./participation.queries";
import { ZAcceptAgreementInput } from "./participation.schema";

/** An owner accepts the agreement version they read; who, when, which version and from where are kept. */
export async function acceptAgreement(actor: Actor | null, rawInput: { organizationId: string; agreementId: string }) {
  const input = ZAcceptAgreementInput.parse(rawInput);
  authorize(can.manageParticipation(actor, input.organizationId), "Only the organisation's owners can accept the agreement.");
  const user = requireUser(actor);
  return db.$transaction(async (tx) => {
    const agreement = await currentAgreement(tx);
    if (!agreement || agreement.id !== input.agreementId) {
      throw validation("A newer version of the agreement was published while you were reading. Reload the page, read it, and accept that one.");
    }
    const existing = await tx.agreementAcceptance.findUnique({ where: { organizationId_agreementId: { organizationId: input.organizationId, agreementId: agreement.id } } });
    if (existing) return { version: agreement.version, acceptedAt: existing.acceptedAt, alreadyAccepted: true };
    const acceptance = await tx.agreementAcceptance.create({
      data: { organizationId: input.organizationId, agreementId: agreement.id, userId: user.userId, ip: user.ip },
    });
    await writeAudit(tx, actor, {
      action: "participation.agreement_accepted",
      entityType: "Organization",
      entityId: input.organizationId,
      organizationId: input.organizationId,
      after: { version: agreement.version, acceptedAt: acceptance.acceptedAt },
    });
    return { version: agreement.version, acceptedAt: acceptance.acceptedAt, alreadyAccepted: false };
  });
}
