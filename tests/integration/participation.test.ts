import { describe, expect, it } from "vitest";
import { taxFormState } from "@/lib/participation/tax-form";
import { db } from "@/server/db";
import { acceptAgreement } from "@/server/participation/accept-agreement";
import { getParticipation, listRightsholdersForReview } from "@/server/participation/participation.queries";
import { getRepertoireStanding } from "@/server/participation/repertoire-standing.queries";
import { refreshPayoutAccount, startPayoutOnboarding } from "@/server/participation/payout-account";
import { recordTaxForm } from "@/server/participation/record-tax-form";
import { approveRightsholder, markTaxFormValid, rejectRightsholder } from "@/server/participation/review-rightsholder";
import { submitParticipation } from "@/server/participation/submit-participation";
import { updateRightsholderProfile } from "@/server/participation/update-rightsholder-profile";
import { createOrganizationWithPeople, createStaffActor, mailsTo } from "../factories";
import { completeOnboarding, ensureAgreement } from "../factories/participation";

async function newRightsholder() {
  const people = await createOrganizationWithPeople("RIGHTSHOLDER");
  const agreement = await ensureAgreement();
  return { ...people, organizationId: people.organization.id, agreement };
}

describe("participation", () => {
  it("walks a rightsholder from draft to approved, keeping who accepted which version", async () => {
    const { owner, organizationId, agreement } = await newRightsholder();
    const admin = await createStaffActor("ADMIN");
    await expect(submitParticipation(owner.actor, { organizationId })).rejects.toMatchObject({ code: "VALIDATION" });

    await acceptAgreement(owner.actor, { organizationId, agreementId: agreement.id });
    await updateRightsholderProfile(owner.actor, { organizationId, legalName: "Tide Press Ltd", country: "US", contactName: "Tess Tide", contactEmail: "Tess@Tide.example" });
    const { url } = await startPayoutOnboarding(owner.actor, { organizationId });
    const again = await startPayoutOnboarding(owner.actor, { organizationId });
    const profile = await db.rightsholderProfile.findUniqueOrThrow({ where: { organizationId } });
    expect(profile.stripeAccountId).toMatch(/^acct_/);
    expect(again.url).not.toBe(url);
    await completeOnboarding(url);
    expect(await refreshPayoutAccount(owner.actor, { organizationId })).toEqual({ payoutsEnabled: true, changed: true });
    await recordTaxForm(owner.actor, { organizationId, taxFormType: "W9", signedOn: "2026-02-01" });

    const standing = await getParticipation(owner.actor, organizationId);
    expect(standing.isComplete).toBe(true);
    expect(standing.acceptance).toMatchObject({ version: agreement.version, byName: expect.any(String), ip: "127.0.0.1" });
    expect(standing.profile).toMatchObject({ contactEmail: "tess@tide.example", isTaxDomestic: true });

    await submitParticipation(owner.actor, { organizationId });
    expect((await mailsTo(owner.user.email)).at(-1)?.subject).toMatch(/participation received/);
    const queue = await listRightsholdersForReview(admin, { status: "PENDING_APPROVAL" });
    expect(queue.rightsholders.map((r) => r.organizationId)).toContain(organizationId);

    const decisions = await Promise.allSettled([approveRightsholder(admin, { organizationId }), approveRightsholder(admin, { organizationId })]);
    expect(decisions.filter((d) => d.status === "fulfilled")).toHaveLength(1);
    expect((await db.rightsholderProfile.findUniqueOrThrow({ where: { organizationId } })).status).toBe("APPROVED");
    expect((await mailsTo(owner.user.email)).at(-1)?.subject).toMatch(/is approved/);
  });

  it("sends a rejected rightsholder back with the reason, and lets it submit again", async () => {
    const { owner, organizationId } = await newRightsholder();
    await completeChecklist(owner.actor, organizationId);
    await submitParticipation(owner.actor, { organizationId });
    const admin = await createStaffActor("ADMIN");
    await expect(rejectRightsholder(admin, { organizationId, reason: "short" })).rejects.toMatchObject({ name: "ZodError" });
    await rejectRightsholder(admin, { organizationId, reason: "The legal name does not match the tax form." });
    const standing = await getParticipation(owner.actor, organizationId);
    expect(standing.profile).toMatchObject({ status: "REJECTED", rejectionReason: "The legal name does not match the tax form." });
    await submitParticipation(owner.actor, { organizationId });
    expect((await db.rightsholderProfile.findUniqueOrThrow({ where: { organizationId } })).status).toBe("PENDING_APPROVAL");
  });

  it("gives the works list the same status and completeness as the full standing, at every step", async () => {
    const { owner, organizationId, agreement } = await newRightsholder();
    const same = async () => {
      const full = await getParticipation(owner.actor, organizationId);
      expect(await getRepertoireStanding(owner.actor, organizationId)).toEqual({ status: full.profile.status, isComplete: full.isComplete });
      return full.isComplete;
    };
    expect(await same()).toBe(false);
    await acceptAgreement(owner.actor, { organizationId, agreementId: agreement.id });
    await updateRightsholderProfile(owner.actor, { organizationId, legalName: "Standing Press", country: "US", contactName: "Sam", contactEmail: "sam@standing.example" });
    expect(await same()).toBe(false);
    const { url } = await startPayoutOnboarding(owner.actor, { organizationId });
    await completeOnboarding(url);
    await refreshPayoutAccount(owner.actor, { organizationId });
    await recordTaxForm(owner.actor, { organizationId, taxFormType: "W9", signedOn: "2026-02-01" });
    expect(await same()).toBe(true);
    await submitParticipation(owner.actor, { organizationId });
    expect(await same()).toBe(true);
    await expect(getRepertoireStanding(owner.actor, crypto.randomUUID())).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("asks for the current agreement version again after a new one is published", async () => {
    const { owner, organizationId, agreement } = await newRightsholder();
    await acceptAgreement(owner.actor, { organizationId, agreementId: agreement.id });
    const newer = await db.participationAgreement.create({ data: { version: `test-${Date.now()}`, title: "Newer", body: "Newer terms.", publishedAt: new Date(Date.now() + 1000) } });
    try {
      expect((await getParticipation(owner.actor, organizationId)).checklist[0]!.done).toBe(false);
      expect((await getRepertoireStanding(owner.actor, organizationId)).isComplete).toBe(false);
      await expect(acceptAgreement(owner.actor, { organizationId, agreementId: agreement.id })).rejects.toMatchObject({ code: "VALIDATION" });
    } finally {
      await db.participationAgreement.delete({ where: { id: newer.id } });
    }
  });

  it("gives field errors for a bad profile and tax form, and keeps OTHER forms for staff", async () => {
    const { owner, member, organizationId } = await newRightsholder();
    await expect(updateRightsholderProfile(owner.actor, { organizationId, legalName: "", country: "XX", contactName: "A", contactEmail: "nope" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(recordTaxForm(owner.actor, { organizationId, taxFormType: "W9", signedOn: "2999-01-01" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(recordTaxForm(member.actor, { organizationId, taxFormType: "W9", signedOn: "2026-01-01" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await recordTaxForm(owner.actor, { organizationId, taxFormType: "OTHER", signedOn: "2026-01-01" })).valid).toBe(false);
    await markTaxFormValid(await createStaffActor("ADMIN"), { organizationId });
    expect((await getParticipation(member.actor, organizationId)).tax.state).toBe("VALID");
  });
});

describe("tax form validity", () => {
  it("follows the W-8 three-year rule", () => {
    expect(taxFormState("W8BEN", "2023-06-01", false, "2026-12-31")).toEqual({ state: "VALID", expiresOn: "2026-12-31" });
    expect(taxFormState("W8BEN_E", "2023-06-01", false, "2027-01-01")).toEqual({ state: "EXPIRED", expiredOn: "2026-12-31" });
    expect(taxFormState("W9", "2001-01-01", false, "2027-01-01")).toEqual({ state: "VALID", expiresOn: null });
    expect(taxFormState("OTHER", "2026-01-01", false, "2026-02-01")).toEqual({ state: "AWAITING_REVIEW" });
    expect(taxFormState(null, null, false, "2026-02-01")).toEqual({ state: "MISSING" });
  });
});

async function completeChecklist(actor: Parameters<typeof acceptAgreement>[0], organizationId: string) {
  const agreement = await ensureAgreement();
  await acceptAgreement(actor, { organizationId, agreementId: agreement.id });
  await updateRightsholderProfile(actor, { organizationId, legalName: "Some Press Ltd", country: "GB", contactName: "Sam Some", contactEmail: "sam@some.example" });
  const { url } = await startPayoutOnboarding(actor, { organizationId });
  await completeOnboarding(url);
  await refreshPayoutAccount(actor, { organizationId });
  await recordTaxForm(actor, { organizationId, taxFormType: "W8BEN_E", signedOn: "2026-01-15" });
}
