import "server-only";
import type { IndustryGroupCode } from "@/lib/pricing/price-license";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { isAppError, notFound } from "../errors";
import { quoteLicense, type LicenseQuote } from "../pricing/price-schedules.queries";

export type LicenseeProfileView = {
  organizationId: string;
  organizationName: string;
  legalName: string | null;
  country: string | null;
  industryGroup: IndustryGroupCode | null;
  employeeCount: number | null;
  aiSystemsDescription: string | null;
  attestation: { at: Date; byName: string } | null;
  /** Every detail the license needs is on file. */
  isComplete: boolean;
  /** What the license costs this organisation today (when the profile is complete and prices are on sale). */
  quote: LicenseQuote | null;
  /** Why there is no quote, when the profile is complete. */
  quoteProblem: string | null;
  canManage: boolean;
};

/** The licensee's profile and its price today: its members and staff read it. */
export async function getLicenseeProfile(actor: Actor | null, organizationId: string): Promise<LicenseeProfileView> {
  authorize(can.readLicensee(actor, organizationId));
  const organization = await db.organization.findFirst({
    where: { id: organizationId, kind: "LICENSEE" },
    select: { id: true, name: true, licenseeProfile: true },
  });
  const profile = organization?.licenseeProfile;
  if (!organization || !profile) throw notFound("That licensee");
  const attestedBy = profile.attestedById ? await db.user.findUnique({ where: { id: profile.attestedById }, select: { name: true } }) : null;
  const isComplete = Boolean(profile.legalName && profile.country && profile.industryGroup && profile.employeeCount && profile.aiSystemsDescription && profile.lawfulContentAttestedAt);
  let quote: LicenseQuote | null = null;
  let quoteProblem: string | null = null;
  if (isComplete) {
    try {
      quote = await quoteLicense({ employeeCount: profile.employeeCount, industryGroup: profile.industryGroup, country: profile.country });
    } catch (error) {
      if (!isAppError(error)) throw error;
      quoteProblem = error.message;
    }
  }
  return {
    organizationId: organization.id,
    organizationName: organization.name,
    legalName: profile.legalName,
    country: profile.country,
    industryGroup: profile.industryGroup as IndustryGroupCode | null,
    employeeCount: profile.employeeCount,
    aiSystemsDescription: profile.aiSystemsDescription,
    attestation: profile.lawfulContentAttestedAt ? { at: profile.lawfulContentAttestedAt, byName: attestedBy?.name ?? "A former member" } : null,
    isComplete,
    quote,
    quoteProblem,
    canManage: can.manageLicenseeProfile(actor, organizationId),
  };
}
