// API keys for tests, created through the use case (so they are hashed exactly as in production).
import { randomUUID } from "node:crypto";
import type { UserActor } from "@/server/auth/actor";
import { createApiKey } from "@/server/api-keys/create-api-key";

export async function createTestApiKey(owner: UserActor, organizationId: string, scopes: string[], expiresIn: "never" | "30" = "never") {
  return createApiKey(owner, { organizationId, name: `Test key ${randomUUID().slice(0, 8)}`, scopes, expiresIn });
}

/** A request to the API as a client would send it. */
export function apiRequest(
  path: string,
  options: { key?: string; method?: string; body?: unknown; rawBody?: BodyInit; contentType?: string | null; headers?: Record<string, string> } = {},
): Request {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  const hasBody = options.body !== undefined || options.rawBody !== undefined;
  if (hasBody && options.contentType !== null) headers["content-type"] = options.contentType ?? "application/json";
  return new Request(`http://localhost${path}`, {
    method: options.method ?? (hasBody ? "POST" : "GET"),
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
}
