import "server-only";
import { z } from "zod";
import { defineJob } from "../jobs/worker";
import { deliverDueWebhooks } from "./deliver-webhooks";
import { pruneWebhookHistory } from "./prune-webhook-history";
import { WEBHOOKS_DELIVER_JOB } from "./webhooks.schema";

/**
 * Sends due webhook deliveries (enqueued with every event, and every minute by the schedule for
 * retries). Runs of it side by side are safe: deliveries are claimed with SKIP LOCKED. It stops
 * claiming after ~25 s so other jobs in the same worker are not held up; the next run goes on.
 */
export const webhooksDeliverJob = defineJob({
  name: WEBHOOKS_DELIVER_JOB,
  payload: z.object({}),
  leaseSeconds: 120,
  handle: async () => {
    await deliverDueWebhooks();
    await pruneWebhookHistory();
  },
});
