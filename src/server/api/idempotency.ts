import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db";
import { ApiRequestError } from "./api-errors";

// Idempotency-Key on POSTs to /api/v1 (as Stripe's API has it): the first request with a key is
// answered and its response kept a day; a repeat with the same key and the same request gets that
// response again (header Idempotent-Replayed: true) without running anything; a repeat with
// another request is refused; one still being answered is a 409. A 5xx is not kept, so the client
// may retry with the same key. Keys belong to the API key that sent them.

const KEY = /^[\x21-\x7e]{1,255}$/;
const HASHED_BODY_BYTES = 16 * 1024 ** 2;
const KEEP_MS = 86_400_000;
/** A first request unanswered this long died with its process: its key may be used again. */
const ABANDONED_MS = 5 * 60_000;

/** Method, path and body (a large streamed body by its length and type: it is never buffered here). */
async function fingerprintOf(request: Request): Promise<string> {
  const url = new URL(request.url);
  const length = Number(request.headers.get("content-length") ?? NaN);
  const type = request.headers.get("content-type") ?? "";
  const body = Number.isFinite(length) && length > HASHED_BODY_BYTES ? `len:${length}` : createHash("sha256").update(Buffer.from(await request.clone().arrayBuffer())).digest("hex");
  return createHash("sha256").update(`${request.method} ${url.pathname}${url.search}\n${type}\n${body}`).digest("hex");
}

export type IdempotencyClaim = { replay: Response } | { finish: (response: Response) => Promise<Response> } | null;

export async function claimIdempotencyKey(apiKeyId: string, request: Request): Promise<IdempotencyClaim> {
  const key = request.headers.get("idempotency-key");
  if (request.method !== "POST" || key === null) return null;
  if (!KEY.test(key)) throw new ApiRequestError("BAD_REQUEST", "An Idempotency-Key is 1 to 255 visible ASCII characters.");
  const fingerprint = await fingerprintOf(request);
  await db.idempotencyKey.deleteMany({
    where: { apiKeyId, OR: [{ createdAt: { lt: new Date(Date.now() - KEEP_MS) } }, { status: null, createdAt: { lt: new Date(Date.now() - ABANDONED_MS) } }] },
  });
  const inserted = await db.idempotencyKey.createMany({ data: [{ apiKeyId, key, fingerprint }], skipDuplicates: true });
  if (inserted.count === 0) {
    const first = await db.idempotencyKey.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } });
    if (!first) throw new ApiRequestError("CONFLICT", "That Idempotency-Key was just released; send the request again.");
    if (first.fingerprint !== fingerprint) throw new ApiRequestError("IDEMPOTENCY_MISMATCH", "This Idempotency-Key was used for another request. Use a new key for a new request.");
    if (first.status === null) throw new ApiRequestError("CONFLICT", "A request with this Idempotency-Key is still being answered. Try again in a moment.");
    return { replay: new Response(first.body, { status: first.status, headers: { "Content-Type": first.contentType ?? "application/json", "Idempotent-Replayed": "true", "Cache-Control": "no-store" } }) };
  }
  return {
    finish: async (response) => {
      if (response.status >= 500) {
        await db.idempotencyKey.deleteMany({ where: { apiKeyId, key } });
        return response;
      }
      const body = await response.clone().text();
      await db.idempotencyKey.update({ where: { apiKeyId_key: { apiKeyId, key } }, data: { status: response.status, body, contentType: response.headers.get("content-type") } });
      return response;
    },
  };
}
