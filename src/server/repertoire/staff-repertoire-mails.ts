import "server-only";
import { appUrl } from "../env";
import type { OutgoingMail } from "../mail/outbox";

/** To a rightsholder's owners when staff suspend its participation or lift the suspension. */
export function rightsholderSuspensionMail(to: string, organizationName: string, change: { suspended: boolean; reason: string }): OutgoingMail {
  return change.suspended
    ? {
      to,
      template: "rightsholder-suspended",
      subject: `${organizationName}: participation suspended`,
      text: [
        "Hello,",
        "",
        `Clearway staff suspended ${organizationName}'s participation in the collective AI training license:`,
        "",
        change.reason,
        "",
        "While it is suspended your works are out of the licensed repertoire: licensees are not covered for them, and usage",
        "reported for this time counts toward no royalties. Royalties already calculated are not affected.",
        "Reply to this mail if you think this is a mistake.",
        "",
        `${appUrl()}/rightsholder`,
      ].join("\n"),
    }
    : {
      to,
      template: "rightsholder-unsuspended",
      subject: `${organizationName}: suspension lifted`,
      text: [
        "Hello,",
        "",
        `Clearway staff lifted the suspension of ${organizationName}'s participation:`,
        "",
        change.reason,
        "",
        "Your enrolled works are back in the licensed repertoire for the purposes you chose.",
        "",
        `${appUrl()}/rightsholder`,
      ].join("\n"),
    };
}
