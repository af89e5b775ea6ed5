import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "../db";

// The eligibility rule of src/lib/usage/eligibility.ts as SQL, for the set-based paths (a report
// of a million lines, a staff decision over many). Tests hold the two versions together.

/**
 * The license terms coverage reads, per licensee, as a CTE `terms(org, s, e)`: active and expired
 * grants, and revoked ones up to the day they were revoked.
 */
export const TERMS_CTE = `terms AS (
  SELECT g."organizationId" AS org, g."startsOn" AS s,
         CASE WHEN g.status = 'REVOKED' THEN LEAST(g."endsOn", COALESCE(g."revokedAt"::date, g."startsOn")) ELSE g."endsOn" END AS e
    FROM license_grants g
   WHERE g.status IN ('ACTIVE', 'EXPIRED', 'REVOKED') AND g."startsOn" IS NOT NULL AND g."endsOn" IS NOT NULL
)`;

/** The first day of a quarter code such as '2026Q3', as SQL over the expression `q`. */
export const quarterStartSql = (q: string) => `make_date(substr(${q}, 1, 4)::int, (substr(${q}, 6, 1)::int - 1) * 3 + 1, 1)`;

/**
 * The reason a matched line is not eligible, or NULL when it is. `org`, `qs`, `qe` and `purpose`
 * are SQL expressions for the licensee, the quarter's first day, the day after it and the line's
 * purpose; `w` is the work's row and `rp` its rightsholder's profile (LEFT JOINed). Needs TERMS_CTE.
 */
export function ineligibleReasonSql(o: { org: string; qs: string; qe: string; purpose: string; w: string; rp: string }): string {
  const inRepertoireFrom = `GREATEST(${o.w}."createdAt"::date, ${o.rp}."approvedAt"::date)`;
  const overlap = (from: string | null, until: string | null) =>
    `EXISTS (SELECT 1 FROM terms t WHERE t.org = ${o.org} AND GREATEST(${o.qs}, t.s${from ? `, ${from}` : ""}) < LEAST(${o.qe}, t.e${until ? `, ${until}` : ""}))`;
  return `CASE
    WHEN NOT ${overlap(null, null)} THEN 'NO_LICENSE'
    WHEN ${o.w}.status <> 'ENROLLED' OR ${o.rp}.status IS DISTINCT FROM 'APPROVED' OR ${o.rp}."approvedAt" IS NULL OR NOT ${overlap(inRepertoireFrom, null)} THEN 'NOT_IN_REPERTOIRE'
    WHEN ${o.w}."excludedFrom" IS NOT NULL AND NOT ${overlap(inRepertoireFrom, `${o.w}."excludedFrom"`)} THEN 'EXCLUDED'
    WHEN NOT (${o.purpose}::text::"Purpose" = ANY (${o.w}.purposes)) THEN 'PURPOSE_NOT_PERMITTED'
  END`;
}

/**
 * Decides eligibility again for the given lines (after a staff match or rejection): a matched
 * line from the rule, a rejected one INELIGIBLE (NOT_MATCHED), one still open PENDING.
 */
export async function recomputeEligibility(tx: Tx | Prisma.TransactionClient, lineIds: bigint[]): Promise<void> {
  if (lineIds.length === 0) return;
  const ids = lineIds.map(String);
  const qs = quarterStartSql("rep.quarter");
  await tx.$executeRawUnsafe(
    `WITH ${TERMS_CTE}, decided AS (
       SELECT l.id, ${ineligibleReasonSql({ org: `rep."organizationId"`, qs, qe: `(${qs} + interval '3 months')::date`, purpose: "l.purpose", w: "w", rp: "rp" })} AS reason
         FROM usage_lines l
         JOIN usage_reports rep ON rep.id = l."reportId"
         JOIN works w ON w.id = l."workId"
         LEFT JOIN rightsholder_profiles rp ON rp."organizationId" = w."rightsholderId"
        WHERE l.id = ANY ($1::bigint[]) AND l."matchStatus" = 'MATCHED'
     )
     UPDATE usage_lines l
        SET eligibility = (CASE WHEN d.reason IS NULL THEN 'ELIGIBLE' ELSE 'INELIGIBLE' END)::"Eligibility", "ineligibleReason" = d.reason
       FROM decided d WHERE l.id = d.id`,
    ids,
  );
  await tx.$executeRawUnsafe(
    `UPDATE usage_lines SET eligibility = 'INELIGIBLE', "ineligibleReason" = 'NOT_MATCHED' WHERE id = ANY ($1::bigint[]) AND "matchStatus" = 'REJECTED'`,
    ids,
  );
  await tx.$executeRawUnsafe(
    `UPDATE usage_lines SET eligibility = 'PENDING', "ineligibleReason" = NULL WHERE id = ANY ($1::bigint[]) AND "matchStatus" IN ('PENDING', 'UNMATCHED', 'AMBIGUOUS')`,
    ids,
  );
}
