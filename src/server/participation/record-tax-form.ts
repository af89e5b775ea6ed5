import "server-only";
import { isTaxFormValid } from "@/lib/participation/tax-form";
import { todayUtc } from "@/lib/works/work-input";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { ZTaxFormInput, type TTaxFormInput } from "./participation.schema";

/** Records the tax form the organisation signed (type and date); its validity follows the rule. */
export async function recordTaxForm(actor: Actor | null, rawInput: TTaxFormInput) {
  authorize(can.manageParticipation(actor, String(rawInput.organizationId ?? "")), "Only the organisation's owners can record tax forms.");
  const input = ZTaxFormInput.parse(rawInput);
  // A form of type OTHER is valid only once staff have checked it; recording one resets that.
  const valid = isTaxFormValid(input.taxFormType, input.signedOn, false, todayUtc());
  return db.$transaction(async (tx) => {
    const before = await tx.rightsholderProfile.findUniqueOrThrow({
      where: { organizationId: input.organizationId },
      select: { taxFormType: true, taxFormSignedOn: true, taxFormValid: true },
    });
    await tx.rightsholderProfile.update({
      where: { organizationId: input.organizationId },
      data: { taxFormType: input.taxFormType, taxFormSignedOn: new Date(`${input.signedOn}T00:00:00Z`), taxFormValid: valid },
    });
    await writeAudit(tx, actor, {
      action: "participation.tax_form_recorded",
      entityType: "Organization",
      entityId: input.organizationId,
      organizationId: input.organizationId,
      before,
      after: { taxFormType: input.taxFormType, taxFormSignedOn: input.signedOn, taxFormValid: valid },
    });
    return { valid };
  });
}
