import type { WebhookDeliveryStatus } from "@/generated/prisma/enums";

export const DELIVERY_STATUS: Record<WebhookDeliveryStatus, { tone: "amber" | "green" | "red"; label: string }> = {
  PENDING: { tone: "amber", label: "Pending" },
  SUCCEEDED: { tone: "green", label: "Delivered" },
  FAILED: { tone: "red", label: "Failed" },
};

/** An event the organisation may subscribe to, as the form offers it. */
export type EventOption = { value: string; label: string; description: string };

export function webhooksBasePath(kind: "LICENSEE" | "RIGHTSHOLDER"): string {
  return kind === "LICENSEE" ? "/licensee/webhooks" : "/rightsholder/webhooks";
}
