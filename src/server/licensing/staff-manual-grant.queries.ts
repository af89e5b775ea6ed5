import "server-only";
import { INDUSTRY_LABELS, scheduleInForce, type IndustryGroupCode } from "@/lib/pricing/price-license";
import { todayUtc } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { notFound } from "../errors";
import { getLicenseeProfile } from "../licensees/licensee-profile.queries";
import { loadPlanSchedules } from "../pricing/price-schedules.queries";
import { manualGrantContext } from "./staff-manual-grant-context";
import { ZLicenseeSearch } from "./staff-licenses.schema";
import { isUuid } from "@/lib/uuid";

// Reads behind "Grant a license manually": the licensee organisations to choose from, and for
// one of them everything the form shows and the use case (staff-grant-license.ts) decides with:
// its profile, the fee by the price schedule in force today (as the checkout prices it), the
// licenses it holds, and the days a new term may start.

export const LICENSEE_SEARCH_LIMIT = 20;

/** Licensee organisations by name or legal name, with what the grant form needs to know first. */
export async function searchLicenseesForManualGrant(actor: Actor | null, rawQuery: { q?: string }) {
  authorize(can.readStaffArea(actor));
  const { q } = ZLicenseeSearch.parse(rawQuery);
  if (!q) return { q: "", organizations: [] };
  const today = new Date(`${todayUtc()}T00:00:00Z`);
  const rows = await db.organization.findMany({
    where: {
      kind: "LICENSEE",
      OR: [{ name: { contains: q, mode: "insensitive" } }, { licenseeProfile: { legalName: { contains: q, mode: "insensitive" } } }],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: LICENSEE_SEARCH_LIMIT,
    select: {
      id: true, name: true,
      licenseeProfile: { select: { legalName: true, country: true, employeeCount: true } },
      grants: { where: { status: "ACTIVE", endsOn: { gt: today } }, orderBy: { endsOn: "desc" }, take: 1, select: { licenseNumber: true, endsOn: true } },
    },
  });
  return {
    q,
    organizations: rows.map((o) => ({
      id: o.id, name: o.name, legalName: o.licenseeProfile?.legalName ?? null, country: o.licenseeProfile?.country ?? null,
      employeeCount: o.licenseeProfile?.employeeCount ?? null,
      heldLicense: o.grants[0] ? { licenseNumber: o.grants[0].licenseNumber, endsOn: o.grants[0].endsOn!.toISOString().slice(0, 10) } : null,
    })),
  };
}

/**
 * One licensee as the grant form sees it. `scheduleFeeCents` is null when the schedule gives no
 * price for it (an organisation larger than online sales quote): staff then type the agreed fee.
 */
export async function getManualGrantDraft(actor: Actor | null, organizationId: string, today = todayUtc()) {
  authorize(can.readStaffArea(actor));
  if (!isUuid(organizationId)) throw notFound("That licensee");
  const [profile, plan, context] = await Promise.all([getLicenseeProfile(actor, organizationId), loadPlanSchedules(), manualGrantContext(db, organizationId, today)]);
  const schedule = profile.quote?.schedule ?? (plan ? scheduleInForce(plan.schedules, today) : null);
  const problems: string[] = [];
  if (!profile.isComplete) problems.push(`${profile.organizationName}'s profile is not complete: the price and the license terms come from it (employees, industry, country, the description of its AI systems and the lawful-content attestation). An owner of the organisation completes it in the portal.`);
  if (!plan || !schedule) problems.push("No price schedule is in force: publish one under Pricing first.");
  return {
    organization: { id: profile.organizationId, name: profile.organizationName, legalName: profile.legalName },
    profile: {
      employeeCount: profile.employeeCount, country: profile.country,
      industry: profile.industryGroup ? INDUSTRY_LABELS[profile.industryGroup as IndustryGroupCode] : null, isComplete: profile.isComplete,
    },
    plan: plan?.plan ?? null,
    schedule: schedule ? { id: schedule.id, effectiveFrom: schedule.effectiveFrom, currency: schedule.currency } : null,
    scheduleFeeCents: profile.quote?.quote.feeCents ?? null,
    quoteProblem: profile.isComplete && !profile.quote ? profile.quoteProblem : null,
    problems,
    today,
    held: context.active,
    renewable: context.renewable,
    startDays: context.startDays,
    pendingCheckouts: context.pending.length,
    canGrant: can.administer(actor) && problems.length === 0,
  };
}

export type ManualGrantDraft = Awaited<ReturnType<typeof getManualGrantDraft>>;
