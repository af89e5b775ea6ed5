// Payouts: the distribution.pay and statements.notify jobs run on their own; the one use case,
// sending a refused payout again, moves money, so only an ADMIN may call it.
import { db } from "@/server/db";
import { retryPayout } from "@/server/payouts/retry-payout";
import { createOrganization } from "../../factories/index";
import { createApprovedRun } from "../../factories/payouts";
import type { MatrixEntry } from "./types";

let failedPayout: Promise<{ payoutId: string; runId: string }> | undefined;

/** One refused payout of an approved run (made once: only the ADMIN's call gets past the check). */
function refusedPayout() {
  failedPayout ??= (async () => {
    const organization = await createOrganization("RIGHTSHOLDER");
    const run = await createApprovedRun([{ organizationId: organization.id, paidCents: 25_000n, stripeAccountId: "acct_access_matrix" }]);
    const payout = await db.payout.update({ where: { statementId: (await db.statement.findFirstOrThrow({ where: { runId: run.id } })).id }, data: { status: "FAILED", attempts: 1, lastError: "refused" } });
    return { payoutId: payout.id, runId: run.id };
  })();
  return failedPayout;
}

export const PAYOUTS_MATRIX: Record<string, MatrixEntry> = {
  retryPayout: {
    allowed: ["admin"],
    run: async (actor) => {
      const { payoutId, runId } = await refusedPayout();
      const result = await retryPayout(actor, { payoutId });
      // The job it queued would pay into an account that exists nowhere: nobody runs it.
      await db.job.updateMany({ where: { singletonKey: `distribution.pay:${runId}`, status: "QUEUED" }, data: { status: "CANCELLED" } });
      return result;
    },
  },
};

export const PAYOUTS_PUBLIC: Record<string, string> = {};

export const PAYOUTS_INTERNAL = [
  // the distribution.pay job's handler and its Stripe step
  "payDistributionRun", "sendTransfer",
  // the statements.notify job's handler, and the words of its mail and notification
  "notifyStatementsReady", "statementReadyMail", "statementReadyNotification",
];
