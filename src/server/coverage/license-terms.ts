import "server-only";
import type { CoverageFacts } from "@/lib/coverage/coverage-rule";
import { db } from "../db";

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The licensee's license terms as coverage reads them: grants that are or were in force (active or
 * expired; a revoked or cancelled grant covers nothing), [startsOn, endsOn) as YYYY-MM-DD. One
 * question and a million share the same terms.
 */
export async function licenseTermsOf(organizationId: string): Promise<CoverageFacts["licenseTerms"]> {
  const grants = await db.licenseGrant.findMany({
    where: { organizationId, status: { in: ["ACTIVE", "EXPIRED"] }, startsOn: { not: null }, endsOn: { not: null } },
    select: { startsOn: true, endsOn: true },
  });
  return grants.map((g) => ({ startsOn: day(g.startsOn!), endsOn: day(g.endsOn!) }));
}
