import "server-only";
import { db } from "../db";
import { sendWebhook, type SendOutcome } from "./send-webhook";
import { decryptSigningSecret, UnreadableSecretError } from "./webhook-secrets";
import { signatureHeader, SIGNATURE_HEADER } from "./webhook-signature";
import { webhookUrlPolicy, type UrlPolicy } from "./webhook-url";
import { MAX_DELIVERY_ATTEMPTS, RETRY_DELAYS_MINUTES, WEBHOOK_LIMITS } from "./webhooks.schema";

// The webhooks.deliver job's work. Due deliveries are claimed in small batches with FOR UPDATE
// SKIP LOCKED (several workers never take the same one); the claim counts the attempt and pushes
// nextAttemptAt on by a lease, so no lock is held during the request and a worker that dies
// leaves the delivery to be claimed again when the lease ends. Each attempt is then recorded
// with what came back, and the delivery moves on only if this claim is still the current one.

export type DeliveryRunOutcome = { attempted: number; succeeded: number; retrying: number; failed: number };

export type DeliverOptions = {
  now?: () => Date;
  /** Stop claiming new batches after this long (a batch runs at most one timeout). */
  budgetMs?: number;
  policy?: UrlPolicy;
  timeoutMs?: number;
  /** Only these endpoints' deliveries (test files share one database and run side by side). */
  endpointIds?: string[];
};

type Claimed = {
  id: bigint;
  attempts: number;
  eventId: string;
  eventType: string;
  body: string;
  url: string;
  secretEncrypted: string;
  previousSecretEncrypted: string | null;
  previousSecretExpiresAt: Date | null;
};

/** Delay before the attempt after `attempts` failed ones; null when that was the last. */
export function retryDelayMs(attempts: number): number | null {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return null;
  return RETRY_DELAYS_MINUTES[Math.max(0, attempts - 1)]! * 60_000;
}

async function claimDue(now: Date, limit: number, endpointIds: string[] | null): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    UPDATE webhook_deliveries d
       SET attempts = d.attempts + 1, "lastAttemptAt" = ${now},
           "nextAttemptAt" = ${new Date(now.getTime() + WEBHOOK_LIMITS.leaseSeconds * 1000)}
      FROM webhook_endpoints e, webhook_events ev
     WHERE d.id IN (
             SELECT q.id FROM webhook_deliveries q JOIN webhook_endpoints qe ON qe.id = q."endpointId"
              WHERE q.status = 'PENDING' AND q."nextAttemptAt" <= ${now} AND qe."isEnabled"
                AND (${endpointIds}::uuid[] IS NULL OR q."endpointId" = ANY(${endpointIds}::uuid[]))
              ORDER BY q."nextAttemptAt", q.id
              LIMIT ${limit}
                FOR UPDATE OF q SKIP LOCKED)
       AND e.id = d."endpointId" AND ev.id = d."eventId"
    RETURNING d.id, d.attempts, d."eventId"::text AS "eventId", d."eventType", ev.payload::text AS body, e.url,
              e."secretEncrypted", e."previousSecretEncrypted", e."previousSecretExpiresAt"`;
}

/** Current secret first; the rolled one while its overlap lasts. */
function signingSecrets(delivery: Claimed, now: Date): string[] {
  const secrets = [decryptSigningSecret(delivery.secretEncrypted)];
  if (delivery.previousSecretEncrypted && delivery.previousSecretExpiresAt && delivery.previousSecretExpiresAt > now) {
    secrets.push(decryptSigningSecret(delivery.previousSecretEncrypted));
  }
  return secrets;
}

async function attempt(delivery: Claimed, options: Required<Pick<DeliverOptions, "now" | "policy">> & { timeoutMs?: number }): Promise<SendOutcome & { startedAt: Date }> {
  const startedAt = options.now();
  let secrets: string[];
  try {
    secrets = signingSecrets(delivery, startedAt);
  } catch (error) {
    if (!(error instanceof UnreadableSecretError)) throw error;
    return { startedAt, status: null, bodyExcerpt: null, error: error.message, durationMs: 0 };
  }
  const outcome = await sendWebhook({
    url: delivery.url,
    body: delivery.body,
    policy: options.policy,
    timeoutMs: options.timeoutMs,
    headers: {
      "Content-Type": "application/json",
      "User-Agent": "Clearway-Webhooks/1",
      "Clearway-Event-Id": delivery.eventId,
      "Clearway-Event-Type": delivery.eventType,
      [SIGNATURE_HEADER]: signatureHeader(delivery.body, secrets, Math.floor(startedAt.getTime() / 1000)),
    },
  });
  return { ...outcome, startedAt };
}

/** Records the attempt and moves the delivery: SUCCEEDED on 2xx, else retried later or FAILED. */
async function record(delivery: Claimed, result: SendOutcome & { startedAt: Date }, now: Date): Promise<"succeeded" | "retrying" | "failed"> {
  const isSuccess = result.error === null && result.status !== null && result.status >= 200 && result.status < 300;
  const delay = isSuccess ? null : retryDelayMs(delivery.attempts);
  const outcome = isSuccess ? "succeeded" : delay === null ? "failed" : "retrying";
  const lastError = isSuccess ? null : (result.error ?? `The endpoint answered ${result.status}.`);
  await db.$transaction([
    db.webhookDeliveryAttempt.createMany({
      data: [{
        deliveryId: delivery.id, attemptNumber: delivery.attempts, startedAt: result.startedAt, durationMs: result.durationMs,
        responseStatus: result.status, responseBody: result.bodyExcerpt, error: result.error,
      }],
      skipDuplicates: true,
    }),
    db.webhookDelivery.updateMany({
      where: { id: delivery.id, status: "PENDING", attempts: delivery.attempts },
      data: {
        status: outcome === "succeeded" ? "SUCCEEDED" : outcome === "failed" ? "FAILED" : "PENDING",
        nextAttemptAt: outcome === "retrying" ? new Date(now.getTime() + delay!) : null,
        finishedAt: outcome === "retrying" ? null : now,
        lastResponseStatus: result.status,
        lastError,
      },
    }),
  ]);
  return outcome;
}

export async function deliverDueWebhooks(options: DeliverOptions = {}): Promise<DeliveryRunOutcome> {
  const now = options.now ?? (() => new Date());
  const policy = options.policy ?? webhookUrlPolicy();
  const budgetMs = options.budgetMs ?? 25_000;
  const started = Date.now();
  const outcome: DeliveryRunOutcome = { attempted: 0, succeeded: 0, retrying: 0, failed: 0 };
  while (Date.now() - started < budgetMs) {
    const batch = await claimDue(now(), WEBHOOK_LIMITS.batchSize, options.endpointIds ?? null);
    if (batch.length === 0) break;
    const results = await Promise.allSettled(
      batch.map(async (delivery) => record(delivery, await attempt(delivery, { now, policy, timeoutMs: options.timeoutMs }), now())),
    );
    outcome.attempted += batch.length;
    for (const [i, result] of results.entries()) {
      if (result.status === "fulfilled") outcome[result.value]++;
      // An endpoint deleted while its delivery was in flight took the delivery with it: nothing to record.
      else if (await db.webhookDelivery.count({ where: { id: batch[i]!.id } })) throw result.reason;
    }
  }
  return outcome;
}
