import "server-only";
import type { IndustryGroupCode } from "@/lib/pricing/price-license";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { isAppError, notFound } from "../errors";
import { quoteLicense, type LicenseQuote } from "../pricing/price-schedules.queries";
import { isUuid } from "@/lib/uuid";

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

type ProfileRow = Pick<LicenseeProfileView, "organizationId" | "organizationName" | "legalName" | "country" | "industryGroup" | "employeeCount" | "aiSystemsDescription"> & {
  lawfulContentAttestedAt: Date | null;
  attestedByName: string | null;
};

/** The licensee's profile and its price today: its members and staff read it. */
export async function getLicenseeProfile(actor: Actor | null, organizationId: string): Promise<LicenseeProfileView> {
  authorize(can.readLicensee(actor, organizationId));
  // One statement with the attesting person's name: the licensee's overview reads this on every view.
  const [row] = isUuid(organizationId) ? await db.$queryRaw<ProfileRow[]>`
    SELECT o.id::text AS "organizationId", o.name AS "organizationName", p."legalName", p.country, p."industryGroup"::text AS "industryGroup",
           p."employeeCount", p."aiSystemsDescription", p."lawfulContentAttestedAt", u.name AS "attestedByName"
      FROM organizations o
      JOIN licensee_profiles p ON p."organizationId" = o.id
      LEFT JOIN users u ON u.id = p."attestedById"
     WHERE o.id = ${organizationId}::uuid AND o.kind = 'LICENSEE'` : [];
  if (!row) throw notFound("That licensee");
  const isComplete = Boolean(row.legalName && row.country && row.industryGroup && row.employeeCount && row.aiSystemsDescription && row.lawfulContentAttestedAt);
  let quote: LicenseQuote | null = null;
  let quoteProblem: string | null = null;
  if (isComplete) {
    try {
      quote = await quoteLicense({ employeeCount: row.employeeCount, industryGroup: row.industryGroup, country: row.country });
    } catch (error) {
      if (!isAppError(error)) throw error;
      quoteProblem = error.message;
    }
  }
  return {
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    legalName: row.legalName,
    country: row.country,
    industryGroup: row.industryGroup as IndustryGroupCode | null,
    employeeCount: row.employeeCount,
    aiSystemsDescription: row.aiSystemsDescription,
    attestation: row.lawfulContentAttestedAt ? { at: row.lawfulContentAttestedAt, byName: row.attestedByName ?? "A former member" } : null,
    isComplete,
    quote,
    quoteProblem,
    canManage: can.manageLicenseeProfile(actor, organizationId),
  };
}
