import "server-only";
import { db } from "../db";
import { ApiRequestError } from "./api-errors";

// Per-key rate limits for /api/v1, counted in Postgres (fixed one-minute windows) so that several
// app instances share one count. One atomic upsert per request; the first request of a window
// also removes the key's windows older than an hour, so the table stays small without a job.

export class RateLimitedError extends ApiRequestError {
  constructor(readonly retryAfterSeconds: number, limit: number) {
    super("RATE_LIMITED", `This API key may make ${limit} requests a minute. Try again in ${retryAfterSeconds} s.`);
  }
}

export async function takeRateLimit(apiKeyId: string, limitPerMinute: number, now = new Date()): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO api_rate_windows ("apiKeyId", "windowStart", count) VALUES (${apiKeyId}::uuid, ${windowStart}, 1)
    ON CONFLICT ("apiKeyId", "windowStart") DO UPDATE SET count = api_rate_windows.count + 1
    RETURNING count`;
  const count = row?.count ?? 1;
  if (count === 1) {
    await db.$executeRaw`DELETE FROM api_rate_windows WHERE "apiKeyId" = ${apiKeyId}::uuid AND "windowStart" < ${new Date(windowStart.getTime() - 3_600_000)}`;
  }
  if (count > limitPerMinute) {
    throw new RateLimitedError(Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000)), limitPerMinute);
  }
}
