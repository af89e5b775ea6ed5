import "server-only";
import { z } from "zod";
import { worksImportJob } from "../imports/works-import-job";
import { deliverPendingMail } from "../mail/deliver-pending-mail";
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
];

export function schedules(): Schedule[] {
  const list: Schedule[] = [];
  // Without SMTP, mail stays captured in the outbox: nothing to deliver.
  if (process.env.SMTP_URL) list.push({ name: "mail.deliver", cron: "* * * * *", jobName: "mail.deliver" });
  return list;
}
