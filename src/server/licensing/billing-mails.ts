import "server-only";
import { formatDay } from "@/lib/dates";
import { lastDayOf } from "@/lib/licensing/term";
import { formatCents } from "@/lib/pricing/price-license";
import { appUrl } from "../env";
import type { OutgoingMail } from "../mail/outbox";

// Mails about auto-renewal and refunds. Each says what happened, what it means for coverage, and
// what the reader can do next.

type GrantFacts = { licenseNumber: string; organizationName: string; endsOn: string };

export function renewalPaymentFailedMail(to: string, grant: GrantFacts & { amountCents: bigint; currency: string; willRetry: boolean }): OutgoingMail {
  return {
    to,
    template: "license-renewal-payment-failed",
    subject: `The renewal payment for license ${grant.licenseNumber} failed`,
    text: [
      "Hello,",
      "",
      `We could not charge ${formatCents(grant.amountCents, grant.currency)} to the saved card to renew ${grant.organizationName}'s license ${grant.licenseNumber}.`,
      grant.willRetry
        ? "Stripe will try the card again in a few days. Check the card with your bank, or turn auto-renewal off and renew by hand with another card."
        : "That was the last attempt: auto-renewal has stopped. Renew by hand to keep the repertoire covered.",
      `License ${grant.licenseNumber} covers the repertoire until ${formatDay(lastDayOf(grant))}.`,
      `Manage it here: ${appUrl()}/licensee`,
    ].join("\n"),
  };
}

export function autoRenewEndedMail(to: string, grant: GrantFacts): OutgoingMail {
  return {
    to,
    template: "license-auto-renew-ended",
    subject: `License ${grant.licenseNumber} will no longer renew automatically`,
    text: [
      "Hello,",
      "",
      `The yearly subscription behind ${grant.organizationName}'s license ${grant.licenseNumber} has ended, so nothing more will be charged.`,
      `The license still covers the repertoire until ${formatDay(lastDayOf(grant))}. To keep training without a gap, renew it by hand before then (renewal opens 60 days before the end).`,
      `Renew here: ${appUrl()}/licensee`,
    ].join("\n"),
  };
}

export function refundIssuedMail(to: string, refund: { licenseNumber: string; organizationName: string; amountCents: bigint; currency: string; effect: string }): OutgoingMail {
  return {
    to,
    template: "license-refund",
    subject: `Refund of ${formatCents(refund.amountCents, refund.currency)} for license ${refund.licenseNumber}`,
    text: [
      "Hello,",
      "",
      refund.amountCents > 0n
        ? `We refunded ${formatCents(refund.amountCents, refund.currency)} for ${refund.organizationName}'s license ${refund.licenseNumber} to the card it was paid with; banks usually show it within 5 to 10 days.`
        : `We changed ${refund.organizationName}'s license ${refund.licenseNumber}.`,
      refund.effect,
      `Details are in the portal: ${appUrl()}/licensee`,
    ].join("\n"),
  };
}
