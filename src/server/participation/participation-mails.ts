import "server-only";
import { appUrl } from "../env";
import type { OutgoingMail } from "../mail/outbox";

export function participationSubmittedMail(to: string, organizationName: string): OutgoingMail {
  return {
    to,
    template: "participation-submitted",
    subject: `${organizationName}: participation received`,
    text: [
      "Hello,",
      "",
      `We received ${organizationName}'s participation in the collective AI training license.`,
      "Staff review it, usually within a few working days; you can keep enrolling works meanwhile.",
      "Your works enter the licensed repertoire once the review is done.",
      "",
      `Follow where you stand: ${appUrl()}/rightsholder`,
    ].join("\n"),
  };
}

export function participationDecisionMail(to: string, organizationName: string, decision: { approved: true } | { approved: false; reason: string }): OutgoingMail {
  return decision.approved
    ? {
      to,
      template: "participation-approved",
      subject: `${organizationName} is approved`,
      text: [
        "Hello,",
        "",
        `${organizationName} is approved as a participating rightsholder. Its enrolled works are now in the licensed repertoire`,
        "for the purposes you chose, and royalties are distributed to you every quarter.",
        "",
        `${appUrl()}/rightsholder`,
      ].join("\n"),
    }
    : {
      to,
      template: "participation-rejected",
      subject: `${organizationName}: participation needs changes`,
      text: [
        "Hello,",
        "",
        `Staff reviewed ${organizationName}'s participation and need changes before approving it:`,
        "",
        decision.reason,
        "",
        `Make the changes and submit again: ${appUrl()}/rightsholder/participation`,
      ].join("\n"),
    };
}
