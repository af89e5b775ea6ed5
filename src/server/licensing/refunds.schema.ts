import { z } from "zod";
import { parseDollarsToCents } from "@/lib/licensing/refund-rules";

export const REFUND_EFFECTS = ["REVOKE", "SHORTEN"] as const;
export type RefundEffect = (typeof REFUND_EFFECTS)[number];

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

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
    reason: z.string().trim().min(5, "Say why, in a few words (at least 5 characters).").max(500, "At most 500 characters."),
    effect: z.enum(REFUND_EFFECTS, { message: "Choose what happens to the license." }),
    /** SHORTEN only: the new (exclusive) end, YYYY-MM-DD. */
    endsOn: z.string().trim().optional(),
    /** One per form shown: a retried submission reuses Stripe's idempotency key, so it never refunds twice. */
    requestKey: z.string().trim().min(8, "Reload the page and try again.").max(100),
  })
  .superRefine((input, ctx) => {
    if (input.effect !== "SHORTEN") return;
    if (!input.endsOn || !isoDay.test(input.endsOn) || Number.isNaN(Date.parse(`${input.endsOn}T00:00:00Z`))) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "Choose the day the license should end." });
    }
  });
export type TRefundLicenseInput = z.input<typeof ZRefundLicenseInput>;

export const ZStaffLicensesQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
