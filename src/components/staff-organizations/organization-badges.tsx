import { Badge } from "../ui/badge";

export function KindBadge({ kind }: { kind: "LICENSEE" | "RIGHTSHOLDER" }) {
  return <Badge tone={kind === "LICENSEE" ? "brand" : "neutral"}>{kind === "LICENSEE" ? "Licensee" : "Rightsholder"}</Badge>;
}

export function StateBadge({ isSuspended }: { isSuspended: boolean }) {
  return isSuspended ? <Badge tone="red">Suspended</Badge> : <Badge tone="green">Active</Badge>;
}

export function AccountBadge({ isActive }: { isActive: boolean }) {
  return isActive ? null : <Badge tone="red">Deactivated</Badge>;
}

/** Counts grouped by thousands: "1,234". */
export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}
