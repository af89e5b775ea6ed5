// Staff operations: settings and plans, the audit log, the job monitor and the mail outbox. Both
// staff roles read them; only ADMIN changes anything (ANALYST and every organisation role are
// refused). The changes are aimed past the access check at a refusal about the input (a past
// day, a reason too short), so the matrix never changes a setting, a plan, a job or a schedule.
import { randomUUID } from "node:crypto";
import { exportAuditLogCsv } from "@/server/audit/audit-export";
import { listAuditLog } from "@/server/audit/audit.queries";
import { db } from "@/server/db";
import { cancelQueuedJob } from "@/server/jobs/staff-cancel-job";
import { getJobMonitorCounts, getMonitoredJob, listJobSchedulesForStaff, listMonitoredJobs } from "@/server/jobs/staff-jobs.queries";
import { retryFailedJob } from "@/server/jobs/staff-retry-job";
import { setJobScheduleEnabled } from "@/server/jobs/staff-set-schedule-enabled";
import { resendFailedMail } from "@/server/mail/resend-failed-mail";
import { addSettingValue } from "@/server/settings/add-setting-value";
import { getSettingsOverview, listPlansForSettings } from "@/server/settings/settings.queries";
import { updatePlanDetails } from "@/server/settings/update-plan-details";
import { withdrawSettingValue } from "@/server/settings/withdraw-setting-value";
import { STAFF } from "../world";
import type { MatrixEntry } from "./types";

/** A finished job of a name no worker runs: something to read, never claimed. */
async function finishedJob(): Promise<string> {
  const job = await db.job.create({ data: { name: `matrix.${randomUUID()}`, status: "SUCCEEDED", attempts: 1, finishedAt: new Date() } });
  return job.id;
}

export const STAFF_OPERATIONS_MATRIX: Record<string, MatrixEntry> = {
  getSettingsOverview: { allowed: STAFF, run: (actor) => getSettingsOverview(actor) },
  listPlansForSettings: { allowed: STAFF, run: (actor) => listPlansForSettings(actor) },
  addSettingValue: {
    allowed: ["admin"],
    run: (actor) => addSettingValue(actor, { key: "distribution.adminFeeBps", value: "15", effectiveFrom: "2000-01-01", reason: "Access matrix: a day in the past is refused" }),
  },
  withdrawSettingValue: { allowed: ["admin"], run: (actor) => withdrawSettingValue(actor, { settingId: randomUUID(), reason: "no" }) },
  updatePlanDetails: { allowed: ["admin"], run: (actor) => updatePlanDetails(actor, { planId: randomUUID(), name: "Matrix plan", description: "", reason: "no" }) },
  listAuditLog: { allowed: STAFF, run: (actor) => listAuditLog(actor, { action: "matrix." }) },
  exportAuditLogCsv: { allowed: STAFF, run: (actor) => exportAuditLogCsv(actor, { action: "matrix." }) },
  getJobMonitorCounts: { allowed: STAFF, run: (actor) => getJobMonitorCounts(actor) },
  listMonitoredJobs: { allowed: STAFF, run: (actor) => listMonitoredJobs(actor, { status: "FAILED" }) },
  getMonitoredJob: { allowed: STAFF, run: async (actor) => getMonitoredJob(actor, await finishedJob()) },
  listJobSchedulesForStaff: { allowed: STAFF, run: (actor) => listJobSchedulesForStaff(actor) },
  retryFailedJob: { allowed: ["admin"], run: (actor) => retryFailedJob(actor, { jobId: randomUUID(), reason: "no" }) },
  cancelQueuedJob: { allowed: ["admin"], run: (actor) => cancelQueuedJob(actor, { jobId: randomUUID(), reason: "no" }) },
  setJobScheduleEnabled: { allowed: ["admin"], run: (actor) => setJobScheduleEnabled(actor, { name: `matrix.${randomUUID()}`, enabled: false, reason: "no" }) },
  resendFailedMail: { allowed: ["admin"], run: (actor) => resendFailedMail(actor, { mailId: "not-a-mail" }) },
};

export const STAFF_OPERATIONS_PUBLIC: Record<string, string> = {};

export const STAFF_OPERATIONS_INTERNAL = [
  // pure helpers of the settings page's read model, called after its access check
  "valueInTimeline", "nextQuarterOf", "quarterSettingsMoment", "describeSettingUses", "firstRunFor",
  // the audit viewer's query building and row naming, called by listAuditLog and exportAuditLogCsv after their access check
  "buildAuditWhere", "auditKeyset", "describeAuditRows",
];
