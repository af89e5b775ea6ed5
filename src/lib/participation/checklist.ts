// What a rightsholder must have done before staff can approve it, in the order it is asked for.

export type ChecklistInput = {
  agreementAccepted: boolean;
  profileComplete: boolean;
  payoutsEnabled: boolean;
  hasPayoutAccount: boolean;
  taxFormState: "MISSING" | "VALID" | "EXPIRED" | "AWAITING_REVIEW";
};

export type ChecklistItem = { key: "agreement" | "profile" | "payout" | "taxForm"; label: string; done: boolean; detail: string };

export function participationChecklist(input: ChecklistInput): ChecklistItem[] {
  return [
    {
      key: "agreement",
      label: "Accept the participation agreement",
      done: input.agreementAccepted,
      detail: input.agreementAccepted ? "Accepted (current version)." : "An owner reads and accepts the current version.",
    },
    {
      key: "profile",
      label: "Complete the organisation profile",
      done: input.profileComplete,
      detail: input.profileComplete ? "Legal name, country and contact on file." : "Legal name, country and a contact for staff.",
    },
    {
      key: "payout",
      label: "Connect a payout account",
      done: input.payoutsEnabled,
      detail: input.payoutsEnabled
        ? "Payouts enabled with Stripe."
        : input.hasPayoutAccount ? "Started: finish the onboarding with Stripe." : "Royalties are paid to a Stripe Connect account.",
    },
    {
      key: "taxForm",
      label: "Put a tax form on file",
      // A form awaiting staff review does not block submission: staff check it while reviewing.
      done: input.taxFormState === "VALID" || input.taxFormState === "AWAITING_REVIEW",
      detail: {
        MISSING: "W-9 for US persons, W-8BEN or W-8BEN-E otherwise.",
        VALID: "Valid.",
        EXPIRED: "Expired: sign and record a new one.",
        AWAITING_REVIEW: "On file; staff check it during the review.",
      }[input.taxFormState],
    },
  ];
}
