import "server-only";
import { standingOf } from "@/lib/participation/standing";
import { isUuid } from "@/lib/uuid";
import { todayUtc } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";

export type RepertoireStanding = { status: string; isComplete: boolean };

type StandingRow = {
  status: string; legalName: string | null; country: string | null; contactName: string | null; contactEmail: string | null;
  payoutsEnabled: boolean; hasPayoutAccount: boolean; taxFormType: string | null; taxFormSignedOn: Date | null; taxFormValid: boolean;
  agreementAccepted: boolean;
};

/**
 * Whether the rightsholder's works are in the licensed repertoire yet, and whether its checklist
 * is complete: what the works list's notice needs, in one statement. It is the same rule as the
 * participation page's (`standingOf`), from the same facts; the works list is the portal's
 * busiest rightsholder page, and the full standing took three round trips.
 */
export async function getRepertoireStanding(actor: Actor | null, organizationId: string): Promise<RepertoireStanding> {
  authorize(can.readParticipation(actor, organizationId));
  const [row] = isUuid(organizationId) ? await db.$queryRaw<StandingRow[]>`
    SELECT rp.status::text AS status, rp."legalName", rp.country, rp."contactName", rp."contactEmail", rp."payoutsEnabled",
           rp."stripeAccountId" IS NOT NULL AS "hasPayoutAccount", rp."taxFormType"::text AS "taxFormType", rp."taxFormSignedOn", rp."taxFormValid",
           EXISTS (SELECT 1 FROM agreement_acceptances a
                    WHERE a."organizationId" = o.id
                      AND a."agreementId" = (SELECT id FROM participation_agreements ORDER BY "publishedAt" DESC LIMIT 1)) AS "agreementAccepted"
      FROM organizations o JOIN rightsholder_profiles rp ON rp."organizationId" = o.id
     WHERE o.id = ${organizationId}::uuid AND o.kind = 'RIGHTSHOLDER'` : [];
  if (!row) throw notFound("That rightsholder");
  const { isComplete } = standingOf({ ...row, taxFormSignedOn: row.taxFormSignedOn ? row.taxFormSignedOn.toISOString().slice(0, 10) : null }, todayUtc());
  return { status: row.status, isComplete };
}
