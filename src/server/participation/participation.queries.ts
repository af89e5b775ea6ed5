import "server-only";
import { standingOf } from "@/lib/participation/standing";
import { taxFormState, type TaxFormTypeCode } from "@/lib/participation/tax-form";
import { todayUtc } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db, type DbOrTx } from "../db";
import { notFound } from "../errors";
import { ZStatusFilter } from "./participation.schema";
import { isUuid } from "@/lib/uuid";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The agreement in force: the latest published version. */
export async function currentAgreement(client: DbOrTx = db) {
  return client.participationAgreement.findFirst({ orderBy: { publishedAt: "desc" } });
}

/** Everything that decides where a rightsholder stands, from one organisation's rows. */
export async function loadStanding(client: DbOrTx, organizationId: string) {
  // One after the other: `client` may be a transaction, whose one connection takes one query at a time.
  const organization = await client.organization.findFirst({
    where: { id: organizationId, kind: "RIGHTSHOLDER" },
    select: { id: true, name: true, createdAt: true, rightsholderProfile: true, agreementAcceptances: { orderBy: { acceptedAt: "desc" }, include: { agreement: { select: { version: true } } } } },
  });
  const agreement = await currentAgreement(client);
  if (!organization?.rightsholderProfile) return null;
  const profile = organization.rightsholderProfile;
  const acceptance = agreement ? organization.agreementAcceptances.find((a) => a.agreementId === agreement.id) ?? null : null;
  const acceptedBy = acceptance ? await client.user.findUnique({ where: { id: acceptance.userId }, select: { name: true, email: true } }) : null;
  const { tax, checklist, isComplete } = standingOf({ ...profile, taxFormSignedOn: day(profile.taxFormSignedOn), agreementAccepted: acceptance !== null, hasPayoutAccount: profile.stripeAccountId !== null }, todayUtc());
  return {
    organization: { id: organization.id, name: organization.name, createdAt: organization.createdAt },
    profile: { ...profile, taxFormSignedOn: day(profile.taxFormSignedOn) },
    agreement,
    acceptance: acceptance && { acceptedAt: acceptance.acceptedAt, version: acceptance.agreement.version, byName: acceptedBy?.name ?? "A former member", byEmail: acceptedBy?.email ?? null, ip: acceptance.ip },
    earlierAcceptances: organization.agreementAcceptances.filter((a) => a.id !== acceptance?.id).map((a) => ({ version: a.agreement.version, acceptedAt: a.acceptedAt })),
    tax,
    checklist,
    isComplete,
  };
}

export type Standing = NonNullable<Awaited<ReturnType<typeof loadStanding>>>;

/** Where the rightsholder stands: its members read it, staff review it. */
export async function getParticipation(actor: Actor | null, organizationId: string): Promise<Standing & { canManage: boolean }> {
  authorize(can.readParticipation(actor, organizationId));
  const standing = await loadStanding(db, organizationId);
  if (!standing) throw notFound("That rightsholder");
  return { ...standing, canManage: can.manageParticipation(actor, organizationId) };
}

/** The staff review queue: pending first by submission date, then the rest by name. */
export async function listRightsholdersForReview(actor: Actor | null, filters: { status?: string } = {}) {
  authorize(can.readStaffArea(actor));
  const status = ZStatusFilter.parse(filters.status ?? "PENDING_APPROVAL");
  const [profiles, counts] = await Promise.all([
    db.rightsholderProfile.findMany({
      where: status === "ALL" ? {} : { status },
      orderBy: [{ submittedAt: "asc" }, { organization: { name: "asc" } }],
      take: 500,
      select: {
        organizationId: true, legalName: true, country: true, status: true, submittedAt: true, approvedAt: true, payoutsEnabled: true,
        taxFormType: true, taxFormSignedOn: true, taxFormValid: true,
        organization: { select: { name: true, _count: { select: { works: true } } } },
      },
    }),
    db.rightsholderProfile.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const today = todayUtc();
  return {
    status,
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<string, number>,
    rightsholders: profiles.map((p) => ({
      organizationId: p.organizationId,
      name: p.organization.name,
      legalName: p.legalName,
      country: p.country,
      status: p.status,
      submittedAt: p.submittedAt,
      approvedAt: p.approvedAt,
      payoutsEnabled: p.payoutsEnabled,
      works: p.organization._count.works,
      tax: taxFormState(p.taxFormType as TaxFormTypeCode | null, day(p.taxFormSignedOn), p.taxFormValid, today),
    })),
  };
}

/** One rightsholder for staff review: its standing, who approved or rejected it, its works count. */
export async function getRightsholderForReview(actor: Actor | null, organizationId: string) {
  authorize(can.readStaffArea(actor));
  if (!isUuid(organizationId)) throw notFound("That rightsholder");
  const standing = await loadStanding(db, organizationId);
  if (!standing) throw notFound("That rightsholder");
  const [works, owners, approvedBy] = await Promise.all([
    db.work.count({ where: { rightsholderId: organizationId } }),
    db.membership.findMany({ where: { organizationId, role: "OWNER" }, select: { user: { select: { name: true, email: true } } } }),
    standing.profile.approvedById ? db.user.findUnique({ where: { id: standing.profile.approvedById }, select: { name: true } }) : null,
  ]);
  return { ...standing, works, owners: owners.map((o) => o.user), approvedByName: approvedBy?.name ?? null, canDecide: can.administer(actor) };
}
