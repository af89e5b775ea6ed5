import type { JobStatus } from "@/generated/prisma/enums";
import { Badge } from "../ui/badge";

const TONE = { QUEUED: "brand", RUNNING: "amber", SUCCEEDED: "green", FAILED: "red", CANCELLED: "neutral" } as const;

export function JobStatusBadge({ status, isLeaseExpired = false }: { status: JobStatus; isLeaseExpired?: boolean }) {
  return (
    <span className="inline-flex gap-1">
      <Badge tone={TONE[status]}>{status.toLowerCase()}</Badge>
      {isLeaseExpired ? <Badge tone="red">lease expired</Badge> : null}
    </span>
  );
}
