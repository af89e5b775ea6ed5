import { Badge } from "../ui/badge";
import { FilterTabs } from "../ui/filter-tabs";

const STATUS = {
  OPEN: { label: "Open", tone: "amber" },
  RESOLVED_ASSIGNED: { label: "Resolved: assigned", tone: "green" },
  RESOLVED_CO_OWNERS: { label: "Resolved: co-owners", tone: "green" },
  REJECTED: { label: "Claim rejected", tone: "neutral" },
} as const;

export function DisputeStatusBadge({ status }: { status: string }) {
  const known = STATUS[status as keyof typeof STATUS] ?? { label: status, tone: "neutral" as const };
  return <Badge tone={known.tone}>{known.label}</Badge>;
}

export const STATUS_FILTERS = [
  { value: "OPEN", label: "Open" },
  { value: "RESOLVED_ASSIGNED", label: "Assigned" },
  { value: "RESOLVED_CO_OWNERS", label: "Co-owners" },
  { value: "REJECTED", label: "Rejected" },
  { value: "ALL", label: "All" },
] as const;

export function StatusTabs({ basePath, current }: { basePath: string; current: string }) {
  return <FilterTabs basePath={basePath} current={current} options={STATUS_FILTERS} />;
}

export const disputeDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
export const disputeDateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function daysOpen(openedAt: Date, until: Date | null = null): number {
  return Math.max(0, Math.floor(((until ?? new Date()).getTime() - openedAt.getTime()) / 86_400_000));
}
