// Usage-report reminders: no actor calls them; the daily usage.reminders job does.
import type { MatrixEntry } from "./types";

export const USAGE_REMINDERS_MATRIX: Record<string, MatrixEntry> = {};

export const USAGE_REMINDERS_PUBLIC: Record<string, string> = {};

export const USAGE_REMINDERS_INTERNAL = [
  // the job's handler, and the words of its mail and notification
  "runUsageReminders", "usageReminderMail", "usageReminderNotification",
];
