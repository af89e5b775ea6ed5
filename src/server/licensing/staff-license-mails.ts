import "server-only";
import { formatDay } from "@/lib/dates";
import { lastDayOf } from "@/lib/licensing/term";
import { appUrl } from "../env";
import type { OutgoingMail } from "../mail/outbox";

// Mails about what staff did to a license (revoked, extended). Each says what changed, what it
// means for coverage, the reason staff gave, and where to read more. A license granted by hand
// sends the ordinary receipt (license-mails.ts), as a paid checkout does.

type Facts = { licenseNumber: string; organizationName: string; reason: string };

const AUTO_RENEW_OFF = "Auto-renewal is off: the yearly subscription was cancelled and nothing more will be charged.";

export function licenseRevokedMail(to: string, grant: Facts & { revokedOn: string; wasRenewing: boolean }): OutgoingMail {
  return {
    to,
    template: "license-revoked",
    subject: `License ${grant.licenseNumber} has been revoked`,
    text: [
      "Hello,",
      "",
      `${grant.organizationName}'s license ${grant.licenseNumber} was revoked on ${formatDay(grant.revokedOn)}.`,
      `Use of the repertoire up to ${formatDay(lastDayOf({ endsOn: grant.revokedOn }))} stays licensed; works used from ${formatDay(grant.revokedOn)} on are not covered.`,
      `The reason given: ${grant.reason}`,
      ...(grant.wasRenewing ? [AUTO_RENEW_OFF] : []),
      "No money has moved with this change; if a refund is due, you will receive a separate notice.",
      "",
      `Questions? Reply to this mail or see your license in the portal: ${appUrl()}/licensee`,
    ].join("\n"),
  };
}

export function licenseExtendedMail(to: string, grant: Facts & { previousEndsOn: string; endsOn: string; wasRenewing: boolean }): OutgoingMail {
  return {
    to,
    template: "license-extended",
    subject: `License ${grant.licenseNumber} now runs until ${formatDay(lastDayOf(grant))}`,
    text: [
      "Hello,",
      "",
      `We extended ${grant.organizationName}'s license ${grant.licenseNumber}: it now covers the repertoire until ${formatDay(lastDayOf(grant))} instead of ${formatDay(lastDayOf({ endsOn: grant.previousEndsOn }))}, at no extra charge.`,
      `The reason given: ${grant.reason}`,
      ...(grant.wasRenewing ? [`${AUTO_RENEW_OFF} You can turn it on again in the portal; it then renews on the new end.`] : []),
      "",
      `Your license and its certificate are in the portal: ${appUrl()}/licensee`,
    ].join("\n"),
  };
}
