import "server-only";
import Stripe from "stripe";

// One payout's Stripe Connect transfer, made at most once. Every transfer carries the payout's id
// as its `transfer_group`, so before creating one the payout's group is looked up: a transfer
// made by an earlier attempt whose answer never reached us (timeout, crash after Stripe answered)
// is found and recorded instead of made again. The create itself carries the payout's
// idempotency key, which covers two workers racing between the look-up and the create.

export type PayoutToSend = {
  id: string;
  runId: string;
  rightsholderId: string;
  amountCents: bigint;
  currency: string;
  idempotencyKey: string;
  stripeAccountId: string;
};

/** Per-request SDK settings (tests shorten the timeout and turn off the SDK's own retries). */
export type StripeRequestSettings = { timeout?: number; maxNetworkRetries?: number };

export type TransferOutcome =
  | { kind: "sent"; transferId: string; wasFound: boolean }
  /** Stripe could not be reached or failed on its side: the same request may succeed later. */
  | { kind: "retry"; error: string }
  /** Stripe refused the transfer: asking again changes nothing until someone fixes the cause. */
  | { kind: "refused"; error: string };

export async function sendTransfer(stripe: Stripe, payout: PayoutToSend, settings: StripeRequestSettings = {}): Promise<TransferOutcome> {
  try {
    const existing = await findTransfer(stripe, payout, settings);
    if (existing) {
      // A transfer in this payout's group that does not match it was not made by this code: a
      // person has to look at it before anything more is sent.
      if (existing.amount !== Number(payout.amountCents) || existing.destination !== payout.stripeAccountId) {
        return { kind: "refused", error: `Stripe already holds transfer ${existing.id} for this payout, for ${existing.amount} ${existing.currency} to ${String(existing.destination)}, which does not match the payout.` };
      }
      return { kind: "sent", transferId: existing.id, wasFound: true };
    }
    const transfer = await stripe.transfers.create(
      {
        amount: Number(payout.amountCents),
        currency: payout.currency.toLowerCase(),
        destination: payout.stripeAccountId,
        transfer_group: payout.id,
        description: "Royalties",
        metadata: { payoutId: payout.id, runId: payout.runId, rightsholderId: payout.rightsholderId },
      },
      { idempotencyKey: payout.idempotencyKey, ...settings },
    );
    return { kind: "sent", transferId: transfer.id, wasFound: false };
  } catch (error) {
    return classify(error);
  }
}

async function findTransfer(stripe: Stripe, payout: PayoutToSend, settings: StripeRequestSettings): Promise<Stripe.Transfer | null> {
  const found = await stripe.transfers.list({ transfer_group: payout.id, limit: 10 }, settings);
  return found.data.find((t) => t.metadata?.payoutId === payout.id) ?? found.data[0] ?? null;
}

/**
 * Stripe's own advice on retrying: connection errors, timeouts, 409 (a concurrent request with
 * the key, a lock timeout), 429 and 5xx may succeed later; any other 4xx is a refusal. A wrong API
 * key (401) is the platform's misconfiguration, not the payee's: it stops the whole run.
 */
function classify(error: unknown): TransferOutcome {
  if (!(error instanceof Stripe.errors.StripeError)) throw error;
  if (error instanceof Stripe.errors.StripeAuthenticationError) throw error;
  const status = error.statusCode;
  const message = `${error.rawType ?? error.type}${error.code ? ` (${error.code})` : ""}: ${error.message}`.slice(0, 1000);
  if (status === undefined || status >= 500 || status === 409 || status === 429) return { kind: "retry", error: message };
  return { kind: "refused", error: message };
}
