// Connect transfers in the Stripe test double, shaped as Stripe's API reference documents them:
// POST /v1/transfers moves `amount` (whole minor units) from the platform to a connected account,
// GET /v1/transfers/:id reads one, GET /v1/transfers lists them newest first (filters
// `destination`, `transfer_group`; `limit` 1–100, default 10; `starting_after` pages on), and
// POST /v1/transfers/:id changes its description and metadata. The platform's balance is not
// modelled: a transfer to an account that can receive transfers always succeeds.
// A destination that does not exist, or has not finished onboarding (its `transfers` capability
// is not active), is refused as Stripe refuses it. That refusal happens once the request has
// started executing, so, as on Stripe, it is saved under the request's Idempotency-Key and the
// same key gets it back: a payout retried after the account was fixed needs a new key.
import type { Route } from "./checkout";
import { id, now, record, text } from "./values";

type Json = Record<string, unknown>;
type Fail = (message: string, param?: string, code?: string, status?: number) => Error;


export function registerTransfers(options: {
  route: Route;
  /** A refusal of the request's parameters: nothing ran, nothing is saved for its idempotency key. */
  fail: Fail;
  /** A refusal once the request ran: saved for its idempotency key, as Stripe does. */
  refuse: Fail;
  accounts: Map<string, Json>;
  emit: (type: string, object: Json) => void;
}) {
  const { route, fail, refuse, accounts, emit } = options;
  /** In creation order; lists read it backwards (newest first). */
  const transfers: Json[] = [];
  const byId = new Map<string, Json>();

  const found = (key: string | undefined) => {
    const transfer = key ? byId.get(key) : undefined;
    if (!transfer) throw fail(`No such transfer: '${key}'`, "id", "resource_missing", 404);
    return transfer;
  };

  route("POST", "/v1/transfers", ({ body }) => {
    const rawAmount = text(body.amount);
    if (rawAmount === undefined) throw fail("Missing required param: amount.", "amount", "parameter_missing");
    const amount = Number(rawAmount);
    if (!/^\d+$/.test(rawAmount) || !Number.isSafeInteger(amount) || amount < 1) throw fail("Invalid positive integer", "amount");
    const currency = text(body.currency)?.toLowerCase();
    if (!currency) throw fail("Missing required param: currency.", "currency", "parameter_missing");
    if (!/^[a-z]{3}$/.test(currency)) throw fail(`Invalid currency: ${currency}. Stripe currently supports these currencies: usd, eur, gbp, …`, "currency");
    const destination = text(body.destination);
    if (!destination) throw fail("Missing required param: destination.", "destination", "parameter_missing");
    const account = accounts.get(destination);
    if (!account) throw refuse(`No such destination: '${destination}'`, "destination", "resource_missing");
    if ((account.capabilities as Json | undefined)?.transfers !== "active") {
      throw refuse(
        "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
        "destination",
        "insufficient_capabilities_for_transfer",
      );
    }
    const transferId = id("tr");
    const transfer: Json = {
      id: transferId, object: "transfer", amount, amount_reversed: 0, balance_transaction: id("txn"), created: now(), currency,
      description: text(body.description) ?? null, destination, destination_payment: id("py"), livemode: false,
      metadata: record(body.metadata),
      reversals: { object: "list", data: [], has_more: false, total_count: 0, url: `/v1/transfers/${transferId}/reversals` },
      reversed: false, source_transaction: null, source_type: "card", transfer_group: text(body.transfer_group) ?? null,
    };
    transfers.push(transfer);
    byId.set(transferId, transfer);
    emit("transfer.created", transfer);
    return { body: transfer };
  });

  route("GET", "/v1/transfers/:id", ({ params }) => ({ body: found(params.id) }));

  route("POST", "/v1/transfers/:id", ({ params, body }) => {
    const transfer = found(params.id);
    if (text(body.description) !== undefined) transfer.description = text(body.description) || null;
    if (body.metadata) transfer.metadata = { ...(transfer.metadata as Json), ...record(body.metadata) };
    emit("transfer.updated", transfer);
    return { body: transfer };
  });

  route("GET", "/v1/transfers", ({ url }) => {
    const query = url.searchParams;
    const limit = query.has("limit") ? Number(query.get("limit")) : 10;
    if (!Number.isInteger(limit) || limit < 1) throw fail("This value must be greater than or equal to 1.", "limit");
    if (limit > 100) throw fail("This value must be less than or equal to 100.", "limit");
    const destination = query.get("destination");
    const group = query.get("transfer_group");
    let matching = [...transfers].reverse().filter((t) => (!destination || t.destination === destination) && (!group || t.transfer_group === group));
    const after = query.get("starting_after");
    if (after) {
      const index = matching.findIndex((t) => t.id === after);
      if (index < 0) throw fail(`No such transfer: '${after}'`, "starting_after", "resource_missing");
      matching = matching.slice(index + 1);
    }
    return { body: { object: "list", url: "/v1/transfers", has_more: matching.length > limit, data: matching.slice(0, limit) } };
  });
}
