import "server-only";
import { z } from "zod";
import { coverageCheckJob } from "../coverage/coverage-check-job";
import { distributionCalculateJob, distributionScheduleJob } from "../distribution/distribution-jobs";
import { distributionPayJob, statementsNotifyJob } from "../payouts/payout-jobs";
import { webhooksDeliverJob } from "../webhooks/webhook-jobs";
import { worksImportJob } from "../imports/works-import-job";
import { usageReportJob } from "../usage/usage-report-job";
import { runLicenseLifecycle } from "../licensing/run-license-lifecycle";
import { deliverPendingMail } from "../mail/deliver-pending-mail";
import { runUsageReminders } from "../usage/run-usage-reminders";
import type { Schedule } from "./schedules";
import { defineJob, type JobDefinition } from "./worker";

// Every job the app runs, and the schedules that enqueue them. Domain issues add theirs here.
export const JOBS: JobDefinition[] = [
  defineJob({
    name: "mail.deliver",
    payload: z.object({}),
    leaseSeconds: 120,
    handle: async () => {
      await deliverPendingMail();
    },
  }),
  worksImportJob,
  coverageCheckJob,
  usageReportJob,
  distributionCalculateJob,
  distributionScheduleJob,
  distributionPayJob,
  statementsNotifyJob,
  webhooksDeliverJob,
  defineJob({
    name: "licenses.lifecycle",
    payload: z.object({}),
    leaseSeconds: 300,
    handle: async () => {
      await runLicenseLifecycle();
    },
  }),
  defineJob({
    name: "usage.reminders",
    payload: z.object({}),
    leaseSeconds: 300,
    handle: async () => {
      await runUsageReminders();
    },
  }),
];

export function schedules(): Schedule[] {
  // Hourly, though its work is daily: a run missed while the app was down is made up within the
  // hour, and a repeated run changes nothing (run-license-lifecycle.ts).
  const list: Schedule[] = [{ name: "licenses.lifecycle", cron: "5 * * * *", jobName: "licenses.lifecycle" }];
  // Daily: a slot missed while the app was down runs when it is back, and a repeated run sends
  // nothing twice (run-usage-reminders.ts).
  list.push({ name: "usage.reminders", cron: "15 6 * * *", jobName: "usage.reminders" });
  // Daily: the run for the quarter just ended is created on the configured day after it, and a
  // day missed while the app was down is made up the next (run-distribution-schedule.ts).
  list.push({ name: "distribution.schedule", cron: "30 2 * * *", jobName: "distribution.schedule" });
  // Every minute: webhook retries fall due at any time; each event also enqueues a run right away
  // (webhooks/emit-webhook-event.ts).
  list.push({ name: "webhooks.deliver", cron: "* * * * *", jobName: "webhooks.deliver" });
  // Without SMTP, mail stays captured in the outbox: nothing to deliver.
  if (process.env.SMTP_URL) list.push({ name: "mail.deliver", cron: "* * * * *", jobName: "mail.deliver" });
  return list;
}
