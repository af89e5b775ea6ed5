import type { PayoutStatus, RunStatus } from "@/generated/prisma/enums";
import { Badge } from "../ui/badge";

const RUN = {
  PENDING: { tone: "neutral", label: "Waiting to be calculated" },
  CALCULATING: { tone: "brand", label: "Calculating" },
  CALCULATED: { tone: "amber", label: "Calculated, to review" },
  APPROVED: { tone: "brand", label: "Approved" },
  PAYING: { tone: "brand", label: "Paying" },
  PAID: { tone: "green", label: "Paid" },
  FAILED: { tone: "red", label: "Calculation failed" },
} as const;

const PAYOUT = {
  PENDING: { tone: "neutral", label: "Pending" },
  SUBMITTED: { tone: "brand", label: "Sent to Stripe" },
  PAID: { tone: "green", label: "Paid" },
  FAILED: { tone: "red", label: "Failed" },
} as const;

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <Badge tone={RUN[status].tone}>{RUN[status].label}</Badge>;
}

export function PayoutStatusBadge({ status }: { status: PayoutStatus }) {
  return <Badge tone={PAYOUT[status].tone}>{PAYOUT[status].label}</Badge>;
}

/** 1500 basis points → "15%", 2450 → "24.5%". */
export function formatBps(bps: number): string {
  return `${(bps / 100).toLocaleString("en-US", { maximumFractionDigits: 2 })}%`;
}
