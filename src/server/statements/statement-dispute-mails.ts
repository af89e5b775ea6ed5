import "server-only";
import { appUrl } from "../env";
import type { OutgoingMail } from "../mail/outbox";

/** Sent to the rightsholder's owners when staff decide a dispute raised on one of its statement lines. */
export function statementDisputeResolvedMail(
  to: string,
  input: { workTitle: string; quarter: string | null; statementId: string | null; outcome: "RESOLVED" | "REJECTED"; resolution: string },
): OutgoingMail {
  const where = input.quarter ? ` on your ${input.quarter} statement` : "";
  return {
    to,
    template: "statement-dispute-resolved",
    subject: `Statement dispute ${input.outcome === "RESOLVED" ? "resolved" : "rejected"}: ${input.workTitle}`,
    text: [
      "Hello,",
      "",
      `Clearway staff ${input.outcome === "RESOLVED" ? "resolved" : "rejected"} the dispute you raised about "${input.workTitle}"${where}.`,
      "",
      "Staff note:",
      input.resolution,
      "",
      "Royalties held for the work while the dispute was open are released in the next distribution run.",
      ...(input.statementId ? [`Statement: ${appUrl()}/rightsholder/statements/${input.statementId}`] : []),
    ].join("\n"),
  };
}
