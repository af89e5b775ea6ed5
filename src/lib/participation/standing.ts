import { participationChecklist } from "./checklist";
import { taxFormState, type TaxFormTypeCode } from "./tax-form";

/** The profile facts a rightsholder's standing is decided from, as stored. */
export type StandingFacts = {
  agreementAccepted: boolean;
  legalName: string | null; country: string | null; contactName: string | null; contactEmail: string | null;
  payoutsEnabled: boolean; hasPayoutAccount: boolean;
  taxFormType: string | null; taxFormSignedOn: string | null; taxFormValid: boolean;
};

/** The tax form's state and the checklist from those facts on `today`: the one rule for every page that shows them. */
export function standingOf(facts: StandingFacts, today: string) {
  const tax = taxFormState(facts.taxFormType as TaxFormTypeCode | null, facts.taxFormSignedOn, facts.taxFormValid, today);
  const checklist = participationChecklist({
    agreementAccepted: facts.agreementAccepted,
    profileComplete: Boolean(facts.legalName && facts.country && facts.contactName && facts.contactEmail),
    payoutsEnabled: facts.payoutsEnabled,
    hasPayoutAccount: facts.hasPayoutAccount,
    taxFormState: tax.state,
  });
  return { tax, checklist, isComplete: checklist.every((item) => item.done) };
}
