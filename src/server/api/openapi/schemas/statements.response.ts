import "server-only";
import { z } from "zod";
import { PayoutStatus } from "@/generated/prisma/enums";
import { VISIBLE_RUN_STATUSES } from "../../../statements/statements.schema";
import { cursorPage, ZDecimalString, ZTimestamp, ZUuid } from "./common.response";

// What /api/v1/statements answers: statements-v1.ts (headerJson, the list and one statement).

const cents = (what: string) => ZDecimalString.describe(`${what}, in cents.`);

const ZStatementHeader = {
  id: ZUuid,
  quarter: z.string().regex(/^\d{4}Q[1-4]$/).describe("The quarter distributed."),
  runStatus: z.enum(VISIBLE_RUN_STATUSES).describe("APPROVED, PAYING or PAID: only approved runs' statements are shown."),
  approvedAt: ZTimestamp.nullable(),
  currency: z.literal("USD"),
  carriedInCents: cents("Balance carried in from earlier quarters"),
  allocatedCents: cents("Allocated this quarter, after the administrative fee"),
  grossCents: cents("The lines' gross"),
  adminFeeCents: cents("The lines' administrative fee"),
  withheldCents: cents("Tax withheld"),
  withholdingBps: z.int().describe("The withholding rate applied, in basis points (0 with a valid tax form on file)."),
  paidCents: cents("Paid out"),
  carriedOutCents: cents("Carried to the next quarter (below the threshold, or the payout blocked)"),
  thresholdCents: cents("The minimum payout that applied"),
  heldCents: cents("Held for open disputes (not in the balance)"),
  payoutBlockedReason: z.string().nullable().describe("Why a balance over the threshold was carried, not paid."),
  payout: z
    .strictObject({ status: z.enum(PayoutStatus), amountCents: ZDecimalString, paidAt: ZTimestamp.nullable() })
    .nullable()
    .describe("The transfer, when there is one."),
  links: z.strictObject({ self: z.string() }),
};

export const ZStatementSummary = z.strictObject(ZStatementHeader);

export const ZStatementsPage = cursorPage(ZStatementSummary);

export const ZStatementLine = z.strictObject({
  id: z.string().regex(/^\d+$/).describe("The line's id (for disputes raised in the portal)."),
  workId: z.int(),
  identifier: z.string().nullable(),
  title: z.string(),
  licenseesCounted: z.int().describe("Licensees whose eligible usage of the work was counted."),
  units: ZDecimalString,
  shareBps: z.int().describe("Your share of the work, in basis points (10000 unless co-owned)."),
  grossCents: ZDecimalString,
  adminFeeShareCents: ZDecimalString,
  withholdingCents: ZDecimalString,
  netCents: ZDecimalString,
});

export const ZStatement = z.strictObject({
  ...ZStatementHeader,
  withheldOnCarriedInCents: cents("Tax withheld on the balance carried in (the rest is on the lines)"),
  disputeWindow: z.strictObject({
    deadline: ZTimestamp.nullable().describe("Lines can be disputed in the portal until then (9 months after approval)."),
    isOpen: z.boolean(),
  }),
  lines: z.strictObject({
    count: z.int().describe("All the statement's lines."),
    data: z.array(ZStatementLine).describe("A page of lines in the chosen sort."),
    nextCursor: z.string().nullable().describe("Pass it as `cursor` (with the same sort) for the next page of lines."),
  }),
});
