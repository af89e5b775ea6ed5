// Licensees: the profile is kept by the licensee's owners and read by its members and staff.
import { getLicenseeProfile } from "@/server/licensees/licensee-profile.queries";
import { updateLicenseeProfile } from "@/server/licensees/update-licensee-profile";
import { STAFF, type ActorKey } from "../world";
import type { MatrixEntry } from "./types";

const LICENSEE_MEMBERS: ActorKey[] = ["licenseeOwner", "licenseeMember"];

export const LICENSEES_MATRIX: Record<string, MatrixEntry> = {
  getLicenseeProfile: { allowed: [...LICENSEE_MEMBERS, ...STAFF], run: (actor, w) => getLicenseeProfile(actor, w.licensee.organization.id) },
  updateLicenseeProfile: {
    allowed: ["licenseeOwner"],
    run: (actor, w) =>
      updateLicenseeProfile(actor, {
        organizationId: w.licensee.organization.id,
        legalName: "Matrix AI Labs Inc.",
        country: "US",
        industryGroup: "TECHNOLOGY",
        employeeCount: 80,
        aiSystemsDescription: "A support assistant fine-tuned on our manuals, offered to our customers as a product.",
        attestsLawfulContent: "on",
      }),
  },
};

export const LICENSEES_PUBLIC: Record<string, string> = {};

export const LICENSEES_INTERNAL: string[] = [];
