import "server-only";
import { adminFee, recognisedInQuarter } from "@/lib/money/revenue";
import type { Quarter } from "@/lib/usage/quarters";
import type { PgClient } from "../pg";

export type GrantRevenueRow = { grantId: string; organizationId: string; recognised: bigint; fee: bigint; net: bigint };

/**
 * Revenue recognised in the quarter by every grant whose term reaches into it, with its
 * administrative fee. The grants are few (one or two per licensee), so each goes through the pure
 * rule of src/lib/money/revenue.ts itself rather than a copy of it in SQL. A refund shortening a
 * term moves endsOn but not termDays: recognition runs over the term as sold (decision 015).
 */
export async function grantRevenueRows(client: PgClient, quarter: Quarter, adminFeeBps: number): Promise<GrantRevenueRow[]> {
  const { rows } = await client.query<{
    id: string; organizationId: string; feeCents: string; startsOn: string; termDays: number;
    refunds: { amountCents: string; effectiveOn: string }[] | null;
  }>(
    `SELECT g.id, g."organizationId", g."feeCents"::text AS "feeCents", g."startsOn"::text AS "startsOn", g."termDays",
            (SELECT json_agg(json_build_object('amountCents', r."amountCents"::text, 'effectiveOn', r."effectiveOn"::text))
               FROM refunds r WHERE r."grantId" = g.id) AS refunds
       FROM license_grants g
      WHERE g.status IN ('ACTIVE', 'EXPIRED', 'REVOKED') AND g."startsOn" IS NOT NULL AND g."termDays" > 0
        AND g."startsOn" < $2::date AND g."startsOn" + g."termDays" > $1::date
      ORDER BY g.id`,
    [quarter.startsOn, quarter.endsOn],
  );
  const result: GrantRevenueRow[] = [];
  for (const g of rows) {
    const recognised = recognisedInQuarter(
      {
        feeCents: BigInt(g.feeCents),
        startsOn: g.startsOn,
        termDays: g.termDays,
        refunds: (g.refunds ?? []).map((r) => ({ amountCents: BigInt(r.amountCents), effectiveOn: r.effectiveOn.slice(0, 10) })),
      },
      quarter,
    );
    if (recognised <= 0n) continue;
    const fee = adminFee(recognised, adminFeeBps);
    result.push({ grantId: g.id, organizationId: g.organizationId, recognised, fee, net: recognised - fee });
  }
  return result;
}

/** Writes the rows in one statement (arrays, not one insert per grant). */
export async function insertGrantRevenues(client: PgClient, runId: string, rows: GrantRevenueRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO grant_revenues ("runId", "grantId", "organizationId", "recognisedCents", "adminFeeCents", "netCents")
     SELECT $1::uuid, g, o, r, f, n
       FROM unnest($2::uuid[], $3::uuid[], $4::bigint[], $5::bigint[], $6::bigint[]) AS t(g, o, r, f, n)`,
    [runId, rows.map((r) => r.grantId), rows.map((r) => r.organizationId), rows.map((r) => r.recognised.toString()), rows.map((r) => r.fee.toString()), rows.map((r) => r.net.toString())],
  );
}
