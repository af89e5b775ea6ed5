import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/storable-text";
import { parseDollarsToCents } from "@/lib/licensing/refund-rules";
import { isValidDate } from "@/lib/works/work-input";

export const REFUND_EFFECTS = ["REVOKE", "SHORTEN"] as const;
export type RefundEffect = (typeof REFUND_EFFECTS)[number];

export const ZRefundLicenseInput = z
  .object({
    grantId: z.uuid({ message: "Unknown license." }),
    /** Dollars and cents as typed ("1250.00"); 0 changes the term without refunding (after a refund made in Stripe). */
    amount: z.string().trim().transform((value, ctx) => {
      const parsed = parseDollarsToCents(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }
      return parsed.cents;
    }),
    reason: z.string().trim().min(5, "Say why, in a few words (at least 5 characters).").max(500, "At most 500 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
    effect: z.enum(REFUND_EFFECTS, { message: "Choose what happens to the license." }),
    /** SHORTEN only: the new (exclusive) end, YYYY-MM-DD. */
    endsOn: z.string().trim().optional(),
    /** One per form shown: a retried submission reuses Stripe's idempotency key, so it never refunds twice. */
    requestKey: z.string().trim().min(8, "Reload the page and try again.").max(100).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
  })
  .superRefine((input, ctx) => {
    if (input.effect !== "SHORTEN") return;
    // A real calendar day: Date.parse takes 2026-02-30 for 2 March.
    if (!input.endsOn || !isValidDate(input.endsOn)) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "Choose the day the license should end." });
    }
  });
export type TRefundLicenseInput = z.input<typeof ZRefundLicenseInput>;

export const ZStaffLicensesQuery = z.object({
  q: z.string().trim().max(100).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
