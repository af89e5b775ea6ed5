// Who may do what: the one place that answers it. Use cases call `authorize(can.x(actor, …))`
// before touching data, and their queries also carry the organisation in `where`, so a
// mistake in one layer is caught by the other.
import type { OrganizationKind } from "@/generated/prisma/enums";
import { forbidden } from "../errors";
import type { Actor, ApiKeyActor, OrgMembership, UserActor } from "./actor";

export function isUser(actor: Actor | null): actor is UserActor {
  return actor?.type === "user";
}

export function isStaff(actor: Actor | null): boolean {
  return isUser(actor) && actor.staffRole !== null;
}

export function isAdmin(actor: Actor | null): boolean {
  return isUser(actor) && actor.staffRole === "ADMIN";
}

export function membershipIn(actor: Actor | null, organizationId: string): OrgMembership | undefined {
  return isUser(actor) ? actor.memberships.find((m) => m.organizationId === organizationId) : undefined;
}

export function membershipsOfKind(actor: Actor | null, kind: OrganizationKind): OrgMembership[] {
  return isUser(actor) ? actor.memberships.filter((m) => m.kind === kind) : [];
}

/** An API key acts only for its own organisation, and only within its scopes. */
export function apiKeyAllows(actor: Actor | null, organizationId: string, scope: string): actor is ApiKeyActor {
  return actor?.type === "apiKey" && actor.organizationId === organizationId && actor.scopes.includes(scope);
}

export const can = {
  /** Read an organisation's own data: its members, and staff (read-only views). */
  readOrganization: (actor: Actor | null, organizationId: string) =>
    isStaff(actor) || membershipIn(actor, organizationId) !== undefined,
  /** Invite, remove and change members: the organisation's owners only (staff do not impersonate). */
  manageMembers: (actor: Actor | null, organizationId: string) =>
    membershipIn(actor, organizationId)?.role === "OWNER",
  useLicenseeArea: (actor: Actor | null) => membershipsOfKind(actor, "LICENSEE").length > 0,
  useRightsholderArea: (actor: Actor | null) => membershipsOfKind(actor, "RIGHTSHOLDER").length > 0,
  /** A rightsholder's works: every member enrolls and edits them; staff read (and ADMIN acts in the staff area). */
  manageWorks: (actor: Actor | null, organizationId: string) => {
    const membership = membershipIn(actor, organizationId);
    return (membership !== undefined && membership.kind === "RIGHTSHOLDER") || isRightsholderKeyWith(actor, organizationId, "works:write");
  },
  readWorks: (actor: Actor | null, organizationId: string) =>
    isStaff(actor) || membershipIn(actor, organizationId)?.kind === "RIGHTSHOLDER" || isRightsholderKeyWith(actor, organizationId, "works:read"),
  /** Participation (agreement, profile, payout account, tax form, submission): a rightsholder's owners. */
  manageParticipation: (actor: Actor | null, organizationId: string) => {
    const membership = membershipIn(actor, organizationId);
    return membership?.kind === "RIGHTSHOLDER" && membership.role === "OWNER";
  },
  /** Where a rightsholder stands: its members read it; staff review it. */
  readParticipation: (actor: Actor | null, organizationId: string) =>
    isStaff(actor) || membershipIn(actor, organizationId)?.kind === "RIGHTSHOLDER",
  /** A licensee's profile (the details its price comes from, the attestation): its owners. */
  manageLicenseeProfile: (actor: Actor | null, organizationId: string) => {
    const membership = membershipIn(actor, organizationId);
    return membership?.kind === "LICENSEE" && membership.role === "OWNER";
  },
  /** A licensee's profile, license and quote: its members read them; staff read every licensee's. */
  readLicensee: (actor: Actor | null, organizationId: string) =>
    isStaff(actor) || membershipIn(actor, organizationId)?.kind === "LICENSEE",
  /** Buy or renew the license: any member of the licensee (DOMAIN.md, roles). */
  buyLicense: (actor: Actor | null, organizationId: string) => membershipIn(actor, organizationId)?.kind === "LICENSEE",
  /** Every licensee's grants, payments and refunds, in the staff area: both staff roles read them. */
  readLicenses: (actor: Actor | null) => isStaff(actor),
  /** Refund a license (money moves, the grant is revoked or shortened): ADMIN only. */
  refundLicense: (actor: Actor | null) => isAdmin(actor),
  /** Ask whether works are covered by a licensee's license: its members, its coverage:read keys, staff. */
  checkCoverage: (actor: Actor | null, organizationId: string) =>
    isStaff(actor) || membershipIn(actor, organizationId)?.kind === "LICENSEE"
    || (apiKeyAllows(actor, organizationId, "coverage:read") && actor.organizationKind === "LICENSEE"),
  /** Start a bulk coverage check (it writes a job and files, so staff, who only read, don't). */
  checkCoverageInBulk: (actor: Actor | null, organizationId: string) =>
    membershipIn(actor, organizationId)?.kind === "LICENSEE"
    || (apiKeyAllows(actor, organizationId, "coverage:read") && actor.organizationKind === "LICENSEE"),
  /** A licensee's bulk checks and their result files: whoever may ask, staff included. */
  readCoverageChecks: (actor: Actor | null, organizationId: string) =>
    isStaff(actor) || membershipIn(actor, organizationId)?.kind === "LICENSEE"
    || (apiKeyAllows(actor, organizationId, "coverage:read") && actor.organizationKind === "LICENSEE"),
  /** Report a quarter's usage (file or API): the licensee's members and its usage:write keys. */
  reportUsage: (actor: Actor | null, organizationId: string) =>
    membershipIn(actor, organizationId)?.kind === "LICENSEE"
    || (apiKeyAllows(actor, organizationId, "usage:write") && actor.organizationKind === "LICENSEE"),
  /** A licensee's usage reports and their lines: its members, its usage:read keys, staff. */
  readUsageReports: (actor: Actor | null, organizationId: string) =>
    isStaff(actor) || membershipIn(actor, organizationId)?.kind === "LICENSEE"
    || (apiKeyAllows(actor, organizationId, "usage:read") && actor.organizationKind === "LICENSEE"),
  /** The staff queue of unmatched usage: both staff roles read it. */
  readUsageQueue: (actor: Actor | null) => isStaff(actor),
  /** Match or reject unmatched usage lines: ADMIN only (ANALYST changes nothing). */
  matchUsage: (actor: Actor | null) => isAdmin(actor),
  /** Create and revoke the organisation's API keys: its owners only (a key never manages keys). */
  manageApiKeys: (actor: Actor | null, organizationId: string) =>
    membershipIn(actor, organizationId)?.role === "OWNER",
  /** The list of keys (never their secrets): the organisation's members, and staff. */
  readApiKeys: (actor: Actor | null, organizationId: string) =>
    isStaff(actor) || membershipIn(actor, organizationId) !== undefined,
  /** Register, roll, disable, delete webhook endpoints and resend deliveries: the organisation's owners. */
  manageWebhooks: (actor: Actor | null, organizationId: string) =>
    membershipIn(actor, organizationId)?.role === "OWNER",
  /** Endpoints (never their secrets) and deliveries: the organisation's members, and staff. */
  readWebhooks: (actor: Actor | null, organizationId: string) =>
    isStaff(actor) || membershipIn(actor, organizationId) !== undefined,
  /** Distribution runs, their reconciliation, payouts and exports: both staff roles read them. */
  readDistributionRuns: (actor: Actor | null) => isStaff(actor),
  /** Create, recalculate and approve runs, retry payouts: ADMIN only (approval moves money). */
  manageDistributionRuns: (actor: Actor | null) => isAdmin(actor),
  /** A rightsholder's royalty statements (approved runs only): its members and statements:read keys read them; staff read every one. */
  readStatements: (actor: Actor | null, organizationId: string) =>
    isStaff(actor) || membershipIn(actor, organizationId)?.kind === "RIGHTSHOLDER"
    || isRightsholderKeyWith(actor, organizationId, "statements:read"),
  /**
   * Dispute a line of a statement: the rightsholder's owners, as for participation, since an open
   * dispute holds the work's royalties in later runs (organisations have no other admin role).
   */
  disputeStatementLine: (actor: Actor | null, organizationId: string) => {
    const membership = membershipIn(actor, organizationId);
    return membership?.kind === "RIGHTSHOLDER" && membership.role === "OWNER";
  },
  /** Both staff roles read everything. */
  readStaffArea: (actor: Actor | null) => isStaff(actor),
  /** Changes and money movement: ADMIN only; ANALYST never. */
  administer: (actor: Actor | null) => isAdmin(actor) || actor?.type === "system",
  manageOwnAccount: (actor: Actor | null) => isUser(actor),
};

function isRightsholderKeyWith(actor: Actor | null, organizationId: string, scope: string): boolean {
  return apiKeyAllows(actor, organizationId, scope) && actor.organizationKind === "RIGHTSHOLDER";
}

/** Throws FORBIDDEN unless `allowed`; the anonymous get UNAUTHENTICATED semantics in pages. */
export function authorize(allowed: boolean, message?: string): asserts allowed {
  if (!allowed) throw forbidden(message);
}

export function requireUser(actor: Actor | null): UserActor {
  if (!isUser(actor)) throw forbidden("Please sign in first.");
  return actor;
}

/** For use cases that only the API runs: the key behind the request. */
export function requireApiKey(actor: Actor | null): ApiKeyActor {
  if (actor?.type !== "apiKey") throw forbidden("This is done with an API key.");
  return actor;
}
