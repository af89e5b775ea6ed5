// API keys and the /api/v1 use cases. The works API's use cases run only for API-key actors
// (requireApiKey), so every person here is refused; tests/integration/works-api.test.ts holds
// keys to their organisation and scopes.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { listApiKeys } from "@/server/api-keys/api-keys.queries";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { revokeApiKey } from "@/server/api-keys/revoke-api-key";
import { rotateApiKey } from "@/server/api-keys/rotate-api-key";
import { setApiKeyRateLimit } from "@/server/api-keys/set-api-key-rate-limit";
import { enrollWorksV1 } from "@/server/api/works/enroll-works-v1";
import { listWorksV1 } from "@/server/api/works/works-v1.queries";
import { db } from "@/server/db";
import { uniqueIsbn } from "../../factories/works";
import { STAFF } from "../world";
import type { MatrixEntry } from "./types";

export const API_KEYS_MATRIX: Record<string, MatrixEntry> = {
  createApiKey: {
    allowed: ["rightsholderOwner"],
    run: (actor, w) =>
      createApiKey(actor, { organizationId: w.rightsholder.organization.id, name: `Matrix ${randomUUID().slice(0, 8)}`, scopes: ["works:read"] }),
  },
  revokeApiKey: {
    allowed: ["rightsholderOwner"],
    run: async (actor, w) => {
      const key = await db.apiKey.create({
        data: {
          organizationId: w.rightsholder.organization.id,
          name: "Matrix key",
          prefix: "cw_live_matrix",
          keyHash: createHash("sha256").update(randomBytes(16)).digest("hex"),
          scopes: ["works:read"],
        },
      });
      return revokeApiKey(actor, { organizationId: w.rightsholder.organization.id, apiKeyId: key.id });
    },
  },
  setApiKeyRateLimit: {
    allowed: ["admin"],
    run: async (actor, w) => {
      const key = await db.apiKey.create({
        data: { organizationId: w.licensee.organization.id, name: "Matrix limited key", prefix: "cw_live_limit", keyHash: createHash("sha256").update(randomBytes(16)).digest("hex"), scopes: ["usage:read"] },
      });
      return setApiKeyRateLimit(actor, { organizationId: w.licensee.organization.id, keyId: key.id, perMinute: "120", reason: "Matrix check of the limit." });
    },
  },
  rotateApiKey: {
    allowed: ["rightsholderOwner"],
    run: async (actor, w) => {
      const key = await db.apiKey.create({
        data: { organizationId: w.rightsholder.organization.id, name: "Matrix rotated key", prefix: "cw_live_matrix", keyHash: createHash("sha256").update(randomBytes(16)).digest("hex"), scopes: ["works:read"] },
      });
      return rotateApiKey(actor, { organizationId: w.rightsholder.organization.id, apiKeyId: key.id, graceHours: 1 });
    },
  },
  listApiKeys: { allowed: ["licenseeOwner", "licenseeMember", ...STAFF], run: (actor, w) => listApiKeys(actor, w.licensee.organization.id) },
  listWorksV1: {
    allowed: [],
    run: (actor, w) => listWorksV1(actor, { organizationId: w.rightsholder.organization.id, limit: 10, afterId: 0, identifier: null }),
  },
  enrollWorksV1: {
    allowed: [],
    run: (actor, w) =>
      enrollWorksV1(actor, { organizationId: w.rightsholder.organization.id, body: { title: "Matrix API work", identifiers: [uniqueIsbn()] } }),
  },
};

export const API_KEYS_PUBLIC: Record<string, string> = {
  authenticateApiKey: "the credential check itself: a key is looked up by its SHA-256; every bad key gets the same 401",
};

export const API_KEYS_INTERNAL = [
  "apiKeyAllows",
  "requireApiKey",
  "apiErrorBody",
  "apiErrorFor",
  "jsonResponse",
  "apiErrorResponse",
  "methodNotAllowed",
  "isJsonContentType",
  "readJsonBody",
  "handleApiRequest",
  "takeRateLimit",
  "claimIdempotencyKey",
  "worksEnrollResponse",
];
