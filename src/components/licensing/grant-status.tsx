import { Badge } from "../ui/badge";

const TONE = { ACTIVE: "green", PENDING_PAYMENT: "amber", EXPIRED: "neutral", CANCELLED: "neutral", REVOKED: "red" } as const;
const LABEL = { ACTIVE: "Active", PENDING_PAYMENT: "Waiting for payment", EXPIRED: "Expired", CANCELLED: "Cancelled", REVOKED: "Revoked" } as const;

/** A grant's status as staff read it, with "renews yearly" for a subscription. */
export function GrantStatusBadge({ status, autoRenew }: { status: keyof typeof TONE; autoRenew?: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={TONE[status]}>{LABEL[status]}</Badge>
      {autoRenew && status === "ACTIVE" ? <Badge tone="brand">Renews yearly</Badge> : null}
    </span>
  );
}
