import "server-only";
import { formatCents } from "@/lib/pricing/price-license";
import { lastDayOf } from "@/lib/licensing/term";
import { appUrl } from "../env";
import type { OutgoingMail } from "../mail/outbox";
import { formatDay } from "@/lib/dates";


export function licenseReceiptMail(to: string, grant: { licenseNumber: string; organizationName: string; feeCents: bigint; currency: string; startsOn: string; endsOn: string; autoRenew?: boolean }): OutgoingMail {
  return {
    to,
    template: "license-receipt",
    subject: `Your license ${grant.licenseNumber} is active`,
    text: [
      "Hello,",
      "",
      `Thank you: we received ${formatCents(grant.feeCents, grant.currency)} from ${grant.organizationName}.`,
      `License ${grant.licenseNumber} covers the enrolled repertoire from ${formatDay(grant.startsOn)} to ${formatDay(lastDayOf(grant))}, for the purposes each work permits.`,
      ...(grant.autoRenew ? [`It renews automatically on ${formatDay(grant.endsOn)}: the saved card is charged then, for the next 12 months. You can turn auto-renewal off in the portal at any time before.`] : []),
      "",
      `Your license and its receipt are in the portal: ${appUrl()}/licensee`,
    ].join("\n"),
  };
}

export function paymentFailedMail(to: string, grant: { licenseNumber: string; organizationName: string }): OutgoingMail {
  return {
    to,
    template: "license-payment-failed",
    subject: `Your payment for license ${grant.licenseNumber} did not go through`,
    text: [
      "Hello,",
      "",
      `The bank transfer for ${grant.organizationName}'s license ${grant.licenseNumber} failed, so the license is not active.`,
      `You can pay again, by card or transfer, from the portal: ${appUrl()}/licensee`,
    ].join("\n"),
  };
}
