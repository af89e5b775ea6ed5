import "server-only";
import { addMonths } from "@/lib/licensing/term";
import { STATEMENT_DISPUTE_MONTHS } from "./statements.schema";

/**
 * The last moment a line of a run's statements can be disputed: the approval time, nine calendar
 * months on (the same day of the month, or the day after the month's last when it has none, as
 * license terms count months). Null for a run not approved.
 */
export function disputeDeadline(approvedAt: Date | null): Date | null {
  if (!approvedAt) return null;
  const iso = approvedAt.toISOString();
  return new Date(`${addMonths(iso.slice(0, 10), STATEMENT_DISPUTE_MONTHS)}${iso.slice(10)}`);
}

export function isDisputeWindowOpen(approvedAt: Date | null, now = new Date()): boolean {
  const deadline = disputeDeadline(approvedAt);
  return deadline !== null && now.getTime() <= deadline.getTime();
}
