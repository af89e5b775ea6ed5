import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/storable-text";
import type { OrganizationKind } from "@/generated/prisma/enums";

// API keys: what a key may do (its scopes), what an owner types to create one, and what a key
// looks like. Scopes are `resource:action` and belong to one kind of organisation: a rightsholder's
// systems enroll and read works; a licensee's check coverage and report usage.

type ScopeDefinition = { kind: OrganizationKind; label: string; description: string };

export const API_SCOPES = {
  "works:read": {
    kind: "RIGHTSHOLDER",
    label: "Read works",
    description: "List your works and look them up by identifier (GET /api/v1/works).",
  },
  "works:write": {
    kind: "RIGHTSHOLDER",
    label: "Enroll and update works",
    description: "Send works one at a time or up to 1,000 per request (POST /api/v1/works).",
  },
  "statements:read": {
    kind: "RIGHTSHOLDER",
    label: "Read royalty statements",
    description: "Read your approved royalty statements and their lines (GET /api/v1/statements).",
  },
  "coverage:read": {
    kind: "LICENSEE",
    label: "Check coverage",
    description: "Ask whether works are covered by your license, one at a time or in bulk.",
  },
  "usage:write": {
    kind: "LICENSEE",
    label: "Report usage",
    description: "Upload quarterly usage reports.",
  },
  "usage:read": {
    kind: "LICENSEE",
    label: "Read usage reports",
    description: "Read your usage reports, their matches and line errors.",
  },
} as const satisfies Record<string, ScopeDefinition>;

export type ApiScope = keyof typeof API_SCOPES;
export const ALL_SCOPES = Object.keys(API_SCOPES) as ApiScope[];

/** The scopes a key of this kind of organisation may carry, in a stable order. */
export function scopesForKind(kind: OrganizationKind): ApiScope[] {
  return ALL_SCOPES.filter((scope) => API_SCOPES[scope].kind === kind);
}

/** Every key starts with this, so a leaked key is recognisable (and scanners can find it). */
export const API_KEY_PREFIX = "cw_live_";
/** The prefix plus 43 base64url characters (32 random bytes). */
export const API_KEY_PATTERN = /^cw_live_[A-Za-z0-9_-]{43}$/;
/** How much of a key the list shows: the prefix and the first characters of the secret part. */
export const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 6;

export const EXPIRY_CHOICES = ["never", "30", "90", "365"] as const;

const ZId = z.uuid("Unknown item.");

export const ZCreateApiKeyInput = z.object({
  organizationId: ZId,
  name: z
    .string({ error: "Give the key a name." })
    .trim()
    .min(1, "Give the key a name, such as the system that will use it.")
    .max(80, "At most 80 characters.")
    .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
  scopes: z
    .array(z.string(), { error: "Choose at least one permission." })
    .min(1, "Choose at least one permission.")
    .max(ALL_SCOPES.length, "Choose from the permissions listed."),
  /** Days until the key stops working; "never" (the default) keeps it until revoked. */
  expiresIn: z.enum(EXPIRY_CHOICES, { error: "Choose when the key expires." }).default("never"),
});
export type TCreateApiKeyInput = z.input<typeof ZCreateApiKeyInput>;

export const ZRevokeApiKeyInput = z.object({ organizationId: ZId, apiKeyId: ZId });
export type TRevokeApiKeyInput = z.infer<typeof ZRevokeApiKeyInput>;

/** How long a rotated key keeps working beside its replacement, for systems to switch over. */
export const ROTATION_GRACE_HOURS = [0, 1, 24, 168] as const;
export const ZRotateApiKeyInput = z.object({
  organizationId: ZId,
  apiKeyId: ZId,
  graceHours: z.coerce.number().refine((h) => (ROTATION_GRACE_HOURS as readonly number[]).includes(h), "Choose how long the old key keeps working."),
});
export type TRotateApiKeyInput = z.input<typeof ZRotateApiKeyInput>;
