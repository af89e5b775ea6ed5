import "server-only";
import type { ApiKeyActor } from "../auth/actor";
import { clientIpFromForwardedFor } from "../auth/client-ip";
import { authenticateApiKey } from "../api-keys/authenticate-api-key";
import type { ApiScope } from "../api-keys/api-keys.schema";
import { ApiRequestError } from "./api-errors";
import { apiErrorResponse } from "./http";
import { claimIdempotencyKey } from "./idempotency";
import { RateLimitedError, takeRateLimit } from "./rate-limit";

const DEFAULT_RATE_LIMIT = 600;

/**
 * The frame of every /api/v1 handler: authenticate the key (401), require the scope (403), count
 * the request against the key's rate limit (429 with Retry-After), replay a repeated
 * Idempotency-Key (POST), run the handler, and turn anything thrown into the API's error format.
 * The handler still calls a use case, whose policy checks the key's organisation and scope again.
 */
export async function handleApiRequest(
  request: Request,
  scope: ApiScope,
  handler: (actor: ApiKeyActor) => Promise<Response>,
): Promise<Response> {
  try {
    const actor = await authenticateApiKey(request.headers.get("authorization"), clientIpFromForwardedFor(request.headers.get("x-forwarded-for")));
    if (!actor.scopes.includes(scope)) {
      throw new ApiRequestError("FORBIDDEN", `This API key does not have the ${scope} scope. An owner can create a key with it under API keys.`);
    }
    await takeRateLimit(actor.keyId, actor.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT);
    const claim = await claimIdempotencyKey(actor.keyId, request);
    if (claim && "replay" in claim) return claim.replay;
    let response: Response;
    try {
      response = await handler(actor);
    } catch (error) {
      response = apiErrorResponse(error);
    }
    return claim ? await claim.finish(response) : response;
  } catch (error) {
    const response = apiErrorResponse(error);
    if (error instanceof RateLimitedError) response.headers.set("Retry-After", String(error.retryAfterSeconds));
    return response;
  }
}
