// Enrollment disputes: the two organisations involved read them; staff read the queue; ADMIN resolves.
import { getDispute, getDisputeForStaff, listDisputeQueue, listDisputes, countOpenDisputes } from "@/server/disputes/disputes.queries";
import { resolveDispute } from "@/server/disputes/resolve-dispute";
import { createOrganization } from "../../factories";
import { createDispute } from "../../factories/disputes";
import { STAFF, type ActorKey, type World } from "../world";
import type { MatrixEntry } from "./types";

const RIGHTSHOLDER_MEMBERS: ActorKey[] = ["rightsholderOwner", "rightsholderMember"];

/** A dispute on the world rightsholder's work, claimed by a third organisation nobody in the world belongs to. */
async function disputeOnWorldRightsholder(w: World) {
  const claimant = await createOrganization("RIGHTSHOLDER");
  return (await createDispute(w.rightsholder.organization.id, claimant.id)).dispute;
}

export const DISPUTES_MATRIX: Record<string, MatrixEntry> = {
  listDisputes: { allowed: [...RIGHTSHOLDER_MEMBERS, ...STAFF], run: (actor, w) => listDisputes(actor, w.rightsholder.organization.id) },
  countOpenDisputes: { allowed: [...RIGHTSHOLDER_MEMBERS, ...STAFF], run: (actor, w) => countOpenDisputes(actor, w.rightsholder.organization.id) },
  getDispute: {
    allowed: RIGHTSHOLDER_MEMBERS,
    run: async (actor, w) => getDispute(actor, (await disputeOnWorldRightsholder(w)).id),
  },
  listDisputeQueue: { allowed: STAFF, run: (actor) => listDisputeQueue(actor, {}) },
  getDisputeForStaff: { allowed: STAFF, run: async (actor, w) => getDisputeForStaff(actor, (await disputeOnWorldRightsholder(w)).id) },
  resolveDispute: {
    allowed: ["admin"],
    run: async (actor, w) => resolveDispute(actor, { disputeId: (await disputeOnWorldRightsholder(w)).id, resolution: "ASSIGN_HOLDER", note: "Matrix check: holder keeps it." }),
  },
};

export const DISPUTES_PUBLIC: Record<string, string> = {};

export const DISPUTES_INTERNAL = ["heldWorkIds", "disputeResolvedMail", "orNotFoundPage"];
