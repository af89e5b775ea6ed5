import "server-only";
import { appUrl } from "../env";
import type { OutgoingMail } from "../mail/outbox";

export const RESOLUTION_SUMMARY = {
  ASSIGN_HOLDER: (holder: string, identifier: string) => `${identifier} stays with ${holder}'s work.`,
  ASSIGN_CLAIMANT: (claimant: string, identifier: string) => `${identifier} now belongs to ${claimant}'s work.`,
  CO_OWNERS: (holder: string, claimant: string, share: string) => `${holder} and ${claimant} now co-own the work; ${claimant}'s share is ${share}%.`,
  REJECT: () => "The claim was rejected; nothing changes for the work that holds the identifier.",
} as const;

/** Sent to the owners of both organisations when staff resolve a dispute. */
export function disputeResolvedMail(to: string, input: { organizationName: string; workTitle: string; summary: string; note: string; disputeId: string }): OutgoingMail {
  return {
    to,
    template: "dispute-resolved",
    subject: `Dispute resolved: ${input.workTitle}`,
    text: [
      "Hello,",
      "",
      `Clearway staff resolved the dispute about "${input.workTitle}" involving ${input.organizationName}.`,
      input.summary,
      "",
      "Staff note:",
      input.note,
      "",
      "Royalties held for the work while it was disputed are released in the next distribution run.",
      `Details: ${appUrl()}/rightsholder/disputes/${input.disputeId}`,
    ].join("\n"),
  };
}
