import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/storable-text";
import { parseSharePercent, SHARE_TOTAL_BPS } from "@/lib/works/co-owner-shares";

export const DISPUTE_STATUSES = ["OPEN", "RESOLVED_ASSIGNED", "RESOLVED_CO_OWNERS", "REJECTED"] as const;
export const ZDisputeStatusFilter = z.enum([...DISPUTE_STATUSES, "ALL"]).catch("OPEN");

export const RESOLUTIONS = ["ASSIGN_HOLDER", "ASSIGN_CLAIMANT", "CO_OWNERS", "REJECT"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const ZResolveDisputeInput = z
  .object({
    disputeId: z.uuid({ message: "Unknown dispute." }),
    resolution: z.enum(RESOLUTIONS, { message: "Choose how to resolve the dispute." }),
    note: z.string().trim().min(10, "Explain the decision in a sentence or two (at least 10 characters).").max(2000, "At most 2,000 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
    /** CO_OWNERS only: the claimant's share of the work's royalties, in percent (two decimals). */
    claimantSharePercent: z.string().trim().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.resolution !== "CO_OWNERS") return;
    const share = parseSharePercent(input.claimantSharePercent ?? "");
    if (!share.ok) ctx.addIssue({ code: "custom", path: ["claimantSharePercent"], message: share.error });
    else if (share.bps >= SHARE_TOTAL_BPS) {
      ctx.addIssue({ code: "custom", path: ["claimantSharePercent"], message: "Below 100%: the holder keeps a share as co-owner. To give the claimant everything, assign the identifier to the claimant." });
    }
  });
export type TResolveDisputeInput = z.input<typeof ZResolveDisputeInput>;
