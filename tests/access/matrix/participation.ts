// Participation: a rightsholder's owners manage it, its members and staff read it, ADMIN decides.
import { acceptAgreement } from "@/server/participation/accept-agreement";
import { getRepertoireStanding } from "@/server/participation/repertoire-standing.queries";
import { currentAgreement, getParticipation, getRightsholderForReview, listRightsholdersForReview } from "@/server/participation/participation.queries";
import { refreshPayoutAccount, startPayoutOnboarding } from "@/server/participation/payout-account";
import { recordTaxForm } from "@/server/participation/record-tax-form";
import { approveRightsholder, markTaxFormValid, rejectRightsholder } from "@/server/participation/review-rightsholder";
import { submitParticipation } from "@/server/participation/submit-participation";
import { updateRightsholderProfile } from "@/server/participation/update-rightsholder-profile";
import { createOrganization } from "../../factories";
import { ensureAgreement } from "../../factories/participation";
import { db } from "@/server/db";
import { STAFF, type ActorKey, type World } from "../world";
import type { MatrixEntry } from "./types";

const RIGHTSHOLDER_MEMBERS: ActorKey[] = ["rightsholderOwner", "rightsholderMember"];

/** A rightsholder nobody in the world belongs to, waiting for review (for the staff decisions). */
async function pendingRightsholder(w: World, taxFormType: "W9" | "OTHER" = "W9") {
  const organization = await createOrganization("RIGHTSHOLDER");
  const data = {
      legalName: "Pending Press", country: "US", contactName: "P. Press", contactEmail: "p@pending.example",
      status: "PENDING_APPROVAL", stripeAccountId: `acct_matrix${organization.id.replace(/-/g, "")}`, payoutsEnabled: true,
      taxFormType, taxFormSignedOn: new Date("2026-01-01T00:00:00Z"), taxFormValid: taxFormType === "W9",
  } as const;
  await db.rightsholderProfile.upsert({ where: { organizationId: organization.id }, create: { organizationId: organization.id, ...data }, update: data });
  const agreement = (await currentAgreement()) ?? (await ensureAgreement());
  await db.agreementAcceptance.create({ data: { organizationId: organization.id, agreementId: agreement.id, userId: w.rightsholder.owner.user.id } });
  return organization.id;
}

export const PARTICIPATION_MATRIX: Record<string, MatrixEntry> = {
  getParticipation: { allowed: [...RIGHTSHOLDER_MEMBERS, ...STAFF], run: (actor, w) => getParticipation(actor, w.rightsholder.organization.id) },
  getRepertoireStanding: { allowed: [...RIGHTSHOLDER_MEMBERS, ...STAFF], run: (actor, w) => getRepertoireStanding(actor, w.rightsholder.organization.id) },
  acceptAgreement: {
    allowed: ["rightsholderOwner"],
    run: async (actor, w) => acceptAgreement(actor, { organizationId: w.rightsholder.organization.id, agreementId: ((await currentAgreement()) ?? (await ensureAgreement())).id }),
  },
  updateRightsholderProfile: {
    allowed: ["rightsholderOwner"],
    run: (actor, w) => updateRightsholderProfile(actor, { organizationId: w.rightsholder.organization.id, legalName: "Matrix Press Ltd", country: "GB", contactName: "Matrix Person", contactEmail: "matrix@press.example" }),
  },
  recordTaxForm: {
    allowed: ["rightsholderOwner"],
    run: (actor, w) => recordTaxForm(actor, { organizationId: w.rightsholder.organization.id, taxFormType: "W8BEN_E", signedOn: "2026-01-10" }),
  },
  startPayoutOnboarding: { allowed: ["rightsholderOwner"], run: (actor, w) => startPayoutOnboarding(actor, { organizationId: w.rightsholder.organization.id }) },
  refreshPayoutAccount: { allowed: ["rightsholderOwner"], run: (actor, w) => refreshPayoutAccount(actor, { organizationId: w.rightsholder.organization.id }) },
  // Allowed owners get a validation error (the checklist is not complete): past the access check.
  submitParticipation: { allowed: ["rightsholderOwner"], run: (actor, w) => submitParticipation(actor, { organizationId: w.rightsholder.organization.id }) },
  listRightsholdersForReview: { allowed: STAFF, run: (actor) => listRightsholdersForReview(actor, {}) },
  getRightsholderForReview: { allowed: STAFF, run: (actor, w) => getRightsholderForReview(actor, w.rightsholder.organization.id) },
  approveRightsholder: { allowed: ["admin"], run: async (actor, w) => approveRightsholder(actor, { organizationId: await pendingRightsholder(w) }) },
  rejectRightsholder: { allowed: ["admin"], run: async (actor, w) => rejectRightsholder(actor, { organizationId: await pendingRightsholder(w), reason: "Matrix: please fix the legal name." }) },
  markTaxFormValid: { allowed: ["admin"], run: async (actor, w) => markTaxFormValid(actor, { organizationId: await pendingRightsholder(w, "OTHER") }) },
};

export const PARTICIPATION_PUBLIC: Record<string, string> = {};

export const PARTICIPATION_INTERNAL = ["currentAgreement", "loadStanding", "participationSubmittedMail", "participationDecisionMail", "stripeClient"];
