import "server-only";
import { db } from "../db";
import { WEBHOOK_RETENTION_DAYS } from "./webhooks.schema";

const BATCH = 1_000;

/**
 * Removes events older than the retention period with their deliveries and attempts (cascade),
 * a batch per run of the delivery job, so the history stays bounded without a job of its own.
 * An event with a delivery still pending (a late resend) waits until that delivery finishes.
 */
export async function pruneWebhookHistory(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - WEBHOOK_RETENTION_DAYS * 86_400_000);
  return db.$executeRaw`
    DELETE FROM webhook_events WHERE id IN (
      SELECT ev.id FROM webhook_events ev
       WHERE ev."createdAt" < ${cutoff}
         AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d."eventId" = ev.id AND d.status = 'PENDING')
       ORDER BY ev."createdAt"
       LIMIT ${BATCH})`;
}
