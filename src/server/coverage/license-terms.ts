import "server-only";
import type { CoverageFacts } from "@/lib/coverage/coverage-rule";
import { db } from "../db";

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The licensee's license terms as coverage reads them, [startsOn, endsOn) as YYYY-MM-DD: grants
 * that are or were in force (active or expired), and revoked grants up to the day they were
 * revoked (a revocation is never retroactive: what was used before it was licensed). A cancelled
 * grant never started and covers nothing. One question and a million share the same terms.
 */
export async function licenseTermsOf(organizationId: string): Promise<CoverageFacts["licenseTerms"]> {
  const grants = await db.licenseGrant.findMany({
    where: { organizationId, status: { in: ["ACTIVE", "EXPIRED", "REVOKED"] }, startsOn: { not: null }, endsOn: { not: null } },
    select: { status: true, startsOn: true, endsOn: true, revokedAt: true },
  });
  return grants.map((g) => {
    const endsOn = day(g.endsOn!);
    const revokedOn = g.status === "REVOKED" ? day(g.revokedAt ?? new Date(0)) : null;
    return { startsOn: day(g.startsOn!), endsOn: revokedOn !== null && revokedOn < endsOn ? revokedOn : endsOn };
  });
}
