// The actor is who is acting, loaded on the server for every request. Use cases receive it and
// decide with the policies in ./policies.ts; nothing here trusts client input.
import type { MembershipRole, OrganizationKind, StaffRole } from "@/generated/prisma/enums";

export type OrgMembership = {
  organizationId: string;
  organizationName: string;
  kind: OrganizationKind;
  role: MembershipRole;
};

export type UserActor = {
  type: "user";
  userId: string;
  email: string;
  name: string;
  staffRole: StaffRole | null;
  memberships: OrgMembership[];
  ip: string | null;
};

/** Scheduled jobs and webhooks act as the system; audit rows say so. */
export type SystemActor = { type: "system"; label: string };

/**
 * A request to /api/v1 authenticated by an organisation's API key: it acts for that one
 * organisation, within its scopes, and never as a person (src/server/api-keys/).
 */
export type ApiKeyActor = {
  type: "apiKey";
  keyId: string;
  organizationId: string;
  organizationKind: OrganizationKind;
  scopes: string[];
  /** The key's name, for messages. */
  label: string;
  /** Requests a minute the key may make (handleApiRequest refuses more with 429). */
  rateLimitPerMinute?: number;
  ip: string | null;
};

export type Actor = UserActor | SystemActor | ApiKeyActor;

export const SYSTEM: SystemActor = { type: "system", label: "system" };
