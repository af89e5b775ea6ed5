import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { parseQuarter, type Quarter } from "@/lib/usage/quarters";
import type { Tx } from "../db";
import { licenseTermsOf } from "../coverage/license-terms";

// The eligibility rule of src/lib/usage/eligibility.ts as SQL, for the set-based paths (a report
// of a million lines, a staff decision over many). A report's licensee and quarter are fixed, so
// the days it was licensed that quarter — a few windows — are worked out once and written into the
// statement as constants: each line then costs a few comparisons, not a lookup. Tests hold this and
// the TypeScript rule together.

/**
 * The license terms coverage reads, per licensee, as a CTE `terms(org, s, e)`: active and expired
 * grants, and revoked ones up to the day they were revoked (the reminders job reads it too).
 */
export const TERMS_CTE = `terms AS (
  SELECT g."organizationId" AS org, g."startsOn" AS s,
         CASE WHEN g.status = 'REVOKED' THEN LEAST(g."endsOn", COALESCE(g."revokedAt"::date, g."startsOn")) ELSE g."endsOn" END AS e
    FROM license_grants g
   WHERE g.status IN ('ACTIVE', 'EXPIRED', 'REVOKED') AND g."startsOn" IS NOT NULL AND g."endsOn" IS NOT NULL
)`;

export type Window = { startsOn: string; endsOn: string };

/** The days of `quarter` the licensee held a license, as [startsOn, endsOn) windows. */
export async function licensedWindows(organizationId: string, quarter: Quarter): Promise<Window[]> {
  const terms = await licenseTermsOf(organizationId);
  return terms
    .map((t) => ({ startsOn: t.startsOn > quarter.startsOn ? t.startsOn : quarter.startsOn, endsOn: t.endsOn < quarter.endsOn ? t.endsOn : quarter.endsOn }))
    .filter((w) => w.startsOn < w.endsOn);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (d: string) => {
  if (!DAY.test(d)) throw new Error(`Not a day: ${d}`);
  return `DATE '${d}'`;
};

/**
 * The reason a matched line is not eligible, or NULL when it is, for a report licensed during
 * `windows`. `w` is the work's row and `rp` its rightsholder's profile (LEFT JOINed); `purpose`
 * the line's purpose expression.
 */
export function ineligibleReasonSql(windows: Window[], o: { purpose: string; w: string; rp: string }): string {
  if (windows.length === 0) return `'NO_LICENSE'`;
  const from = `GREATEST(${o.w}."createdAt"::date, ${o.rp}."approvedAt"::date)`;
  const any = (until: string | null) => windows.map((x) => `GREATEST(${day(x.startsOn)}, ${from}) < ${until ? `LEAST(${day(x.endsOn)}, ${until})` : day(x.endsOn)}`).join(" OR ");
  return `CASE
    WHEN ${o.w}.status <> 'ENROLLED' OR ${o.rp}.status IS DISTINCT FROM 'APPROVED' OR ${o.rp}."approvedAt" IS NULL OR NOT (${any(null)}) THEN 'NOT_IN_REPERTOIRE'
    WHEN ${o.w}."excludedFrom" IS NOT NULL AND NOT (${any(`${o.w}."excludedFrom"`)}) THEN 'EXCLUDED'
    WHEN NOT (${o.purpose} = ANY (${o.w}.purposes)) THEN 'PURPOSE_NOT_PERMITTED'
  END`;
}

/**
 * Decides eligibility again for the given lines (after a staff match or rejection): a matched
 * line from the rule, a rejected one INELIGIBLE (NOT_MATCHED), one still open PENDING.
 */
export async function recomputeEligibility(tx: Tx | Prisma.TransactionClient, lineIds: bigint[]): Promise<void> {
  if (lineIds.length === 0) return;
  const ids = lineIds.map(String);
  const reports = await tx.$queryRawUnsafe<{ id: string; organizationId: string; quarter: string }[]>(
    `SELECT DISTINCT r.id::text, r."organizationId"::text AS "organizationId", r.quarter FROM usage_lines l JOIN usage_reports r ON r.id = l."reportId" WHERE l.id = ANY ($1::bigint[])`,
    ids,
  );
  for (const report of reports) {
    const windows = await licensedWindows(report.organizationId, parseQuarter(report.quarter)!);
    await tx.$executeRawUnsafe(
      `UPDATE usage_lines l
          SET eligibility = (CASE WHEN d.reason IS NULL THEN 'ELIGIBLE' ELSE 'INELIGIBLE' END)::"Eligibility", "ineligibleReason" = d.reason
         FROM (SELECT l2.id, ${ineligibleReasonSql(windows, { purpose: "l2.purpose", w: "w", rp: "rp" })} AS reason
                 FROM usage_lines l2
                 JOIN works w ON w.id = l2."workId"
                 LEFT JOIN rightsholder_profiles rp ON rp."organizationId" = w."rightsholderId"
                WHERE l2.id = ANY ($1::bigint[]) AND l2."reportId" = $2::uuid AND l2."matchStatus" = 'MATCHED') d
        WHERE l.id = d.id`,
      ids,
      report.id,
    );
  }
  await tx.$executeRawUnsafe(`UPDATE usage_lines SET eligibility = 'INELIGIBLE', "ineligibleReason" = 'NOT_MATCHED' WHERE id = ANY ($1::bigint[]) AND "matchStatus" = 'REJECTED'`, ids);
  await tx.$executeRawUnsafe(`UPDATE usage_lines SET eligibility = 'PENDING', "ineligibleReason" = NULL WHERE id = ANY ($1::bigint[]) AND "matchStatus" IN ('PENDING', 'UNMATCHED', 'AMBIGUOUS')`, ids);
}
