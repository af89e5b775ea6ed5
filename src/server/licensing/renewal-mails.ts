import "server-only";
import { lastDayOf } from "@/lib/licensing/term";
import { appUrl } from "../env";
import type { OutgoingMail } from "../mail/outbox";
import { formatDay } from "@/lib/dates";


export function renewalReminderMail(to: string, grant: { licenseNumber: string; organizationName: string; endsOn: string; renewsAutomatically?: boolean }, daysLeft: number): OutgoingMail {
  if (grant.renewsAutomatically) {
    return {
      to,
      template: `license-auto-renewal-${daysLeft <= 7 ? 7 : 30}`,
      subject: `License ${grant.licenseNumber} renews automatically ${daysLeft <= 1 ? "tomorrow" : `in ${daysLeft} days`}`,
      text: [
        "Hello,",
        "",
        `${grant.organizationName}'s license ${grant.licenseNumber} covers the repertoire until ${formatDay(lastDayOf(grant))}.`,
        `It renews automatically on ${formatDay(grant.endsOn)}: the saved card is charged then, and the next 12 months start that day. There is nothing to do.`,
        `To stop it, turn auto-renewal off before then: ${appUrl()}/licensee`,
      ].join("\n"),
    };
  }
  return {
    to,
    template: `license-renewal-${daysLeft <= 7 ? 7 : 30}`,
    subject: `License ${grant.licenseNumber} ends ${daysLeft <= 1 ? "tomorrow" : `in ${daysLeft} days`}`,
    text: [
      "Hello,",
      "",
      `${grant.organizationName}'s license ${grant.licenseNumber} covers the repertoire until ${formatDay(lastDayOf(grant))}.`,
      "Renew it to keep training without a gap: the next 12 months start the day the current license ends, whenever you pay.",
      `Renew here: ${appUrl()}/licensee`,
    ].join("\n"),
  };
}

export function licenseExpiredMail(to: string, grant: { licenseNumber: string; organizationName: string; endsOn: string }): OutgoingMail {
  return {
    to,
    template: "license-expired",
    subject: `License ${grant.licenseNumber} has ended`,
    text: [
      "Hello,",
      "",
      `${grant.organizationName}'s license ${grant.licenseNumber} ended on ${formatDay(lastDayOf(grant))}. Works used after that day are not covered.`,
      `Buy a new license here: ${appUrl()}/licensee`,
    ].join("\n"),
  };
}
