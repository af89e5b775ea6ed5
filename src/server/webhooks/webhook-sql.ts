import "server-only";
import type { Tx } from "../db";
import type { PgClient } from "../pg";

/**
 * A transaction to write webhook rows in: Prisma's, or a `pg` client inside BEGIN (the usage
 * job's bulk path). The outbox rows must commit or roll back with the change, so they are written
 * through whichever transaction the change is in.
 */
export type WebhookTx = Tx | PgClient;

/** One parameterised statement on either kind of transaction. */
export async function webhookQuery<T>(tx: WebhookTx, sql: string, params: unknown[]): Promise<T[]> {
  if ("$queryRawUnsafe" in tx) return tx.$queryRawUnsafe<T[]>(sql, ...params);
  const result = await tx.query(sql, params);
  return result.rows as T[];
}
