import "server-only";
import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { AppError, notFound, validation, type FieldErrors } from "../errors";

export const RATE_LIMIT_RANGE = { min: 10, max: 10_000 } as const;

const ZSetRateLimitInput = z.object({
  organizationId: z.uuid("Unknown organisation."),
  keyId: z.uuid("Unknown API key."),
  perMinute: z.string().trim().regex(/^\d{1,6}$/, "Give a whole number of requests a minute.")
    .transform(Number)
    .refine((n) => n >= RATE_LIMIT_RANGE.min && n <= RATE_LIMIT_RANGE.max, `From ${RATE_LIMIT_RANGE.min} to ${RATE_LIMIT_RANGE.max.toLocaleString("en-US")} requests a minute.`),
  reason: z.string().trim().min(5, "Say why, in a few words (kept in the audit log).").max(500, "At most 500 characters."),
});
export type TSetRateLimitInput = z.input<typeof ZSetRateLimitInput>;

/**
 * Staff (ADMIN) change how many requests a minute one of an organisation's keys may make: an
 * integration that needs more than the default 600 gets it on request, and a misbehaving one can
 * be slowed without revoking it. Owners see the limit on their keys page but do not set it. The
 * limit holds across instances (api_rate_windows); a key being rotated keeps its limit.
 */
export async function setApiKeyRateLimit(actor: Actor | null, rawInput: TSetRateLimitInput): Promise<{ perMinute: number; name: string }> {
  authorize(can.administer(actor), "Only staff administrators change a key's rate limit.");
  const staff = requireUser(actor);
  const parsed = ZSetRateLimitInput.safeParse(rawInput);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    throw validation("Check the highlighted fields.", fieldErrors);
  }
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: input.keyId, organizationId: input.organizationId }, select: { name: true, rateLimitPerMinute: true, revokedAt: true } });
    if (!key) throw notFound("That API key");
    if (key.revokedAt) throw new AppError("CONFLICT", `The key "${key.name}" is revoked: it makes no requests.`);
    await tx.apiKey.update({ where: { id: input.keyId }, data: { rateLimitPerMinute: input.perMinute } });
    await writeAudit(tx, staff, {
      action: "api_key.rate_limit_changed", entityType: "ApiKey", entityId: input.keyId, organizationId: input.organizationId,
      before: { rateLimitPerMinute: key.rateLimitPerMinute }, after: { rateLimitPerMinute: input.perMinute, reason: input.reason },
    });
    return { perMinute: input.perMinute, name: key.name };
  });
}
