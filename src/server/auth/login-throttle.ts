import "server-only";
import type { DbOrTx } from "../db";

// 10 consecutive failures for one email+IP pair block that pair for 15 minutes. Kept in Postgres
// so every app instance sees the same count; updated with one atomic upsert so concurrent
// attempts cannot lose increments.
export const MAX_CONSECUTIVE_FAILURES = 10;
export const BLOCK_MINUTES = 15;

export async function blockedUntil(db: DbOrTx, email: string, ip: string): Promise<Date | null> {
  const row = await db.loginThrottle.findUnique({ where: { email_ip: { email, ip } } });
  return row?.blockedUntil && row.blockedUntil > new Date() ? row.blockedUntil : null;
}

export async function recordFailure(db: DbOrTx, email: string, ip: string): Promise<void> {
  // After a block has expired the count starts again from one.
  await db.$executeRaw`
    INSERT INTO login_throttles (email, ip, "consecutiveFailures", "lastFailureAt", "blockedUntil")
    VALUES (${email}, ${ip}, 1, now(), NULL)
    ON CONFLICT (email, ip) DO UPDATE SET
      "consecutiveFailures" = CASE
        WHEN login_throttles."blockedUntil" IS NOT NULL AND login_throttles."blockedUntil" <= now() THEN 1
        ELSE login_throttles."consecutiveFailures" + 1 END,
      "lastFailureAt" = now(),
      "blockedUntil" = CASE
        WHEN login_throttles."blockedUntil" IS NOT NULL AND login_throttles."blockedUntil" <= now() THEN NULL
        WHEN login_throttles."consecutiveFailures" + 1 >= ${MAX_CONSECUTIVE_FAILURES}
          THEN now() + make_interval(mins => ${BLOCK_MINUTES})
        ELSE login_throttles."blockedUntil" END`;
}

export async function clearFailures(db: DbOrTx, email: string, ip: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { email, ip } });
}
