// Demo royalties: a second licensee, Lumen Robotics, licensed since ten months ago, reported its
// usage of the demo repertoire for the last two closed quarters. The earlier quarter's run is
// calculated and approved (the app's payout job pays it through the Stripe test double when the
// portal starts); the last quarter's run is calculated and waits for staff to approve it.
// Harbour Lane Press and its partner joined the repertoire before those quarters (300 days before
// the seed ran), so that usage counts.
// Everything goes through the real calculation and approval. Called by seed.ts on an empty
// database only.
import { previousQuarter, quarterOf } from "../src/lib/usage/quarters";
import { todayUtc } from "../src/lib/works/work-input";

const DAY = 86_400_000;

/** Usage per quarter: [ISBN-13 first twelve digits or full identifier, purpose, units]. */
const USAGE: [string, "TRAIN" | "FINE_TUNE" | "RAG", bigint][] = [
  ["978190000000", "TRAIN", 2_400_000n],
  ["978190000001", "TRAIN", 1_800_000n],
  ["978190000001", "FINE_TUNE", 300_000n],
  ["978190000003", "TRAIN", 950_000n],
  // Under an open enrollment dispute: its money is held until staff resolve it.
  ["978190000004", "TRAIN", 700_000n],
  ["978190000006", "FINE_TUNE", 420_000n],
  // Co-owned 60/40 with Fernhill Editions.
  ["978190000102", "TRAIN", 1_100_000n],
];

export async function seedDistributions(adminUserId: string, isbn13: (first12: string) => string) {
  const { db } = await import("../src/server/db");
  const { loadUserActor } = await import("../src/server/auth/load-actor");
  const { recomputeEligibility } = await import("../src/server/usage/eligibility-sql");
  const { calculateDistributionRun } = await import("../src/server/distribution/calculate-distribution-run");
  const { approveDistributionRun } = await import("../src/server/distribution/approve-distribution-run");

  // Before the earlier quarter began (it began at most 275 days ago).
  const joinedAt = new Date(Date.now() - 300 * DAY);
  const rightsholders = await db.organization.findMany({ where: { kind: "RIGHTSHOLDER", rightsholderProfile: { status: "APPROVED" } }, select: { id: true } });
  const ids = rightsholders.map((r) => r.id);
  await db.rightsholderProfile.updateMany({ where: { organizationId: { in: ids } }, data: { approvedAt: joinedAt } });
  await db.work.updateMany({ where: { rightsholderId: { in: ids } }, data: { createdAt: joinedAt } });

  const plan = await db.plan.findFirstOrThrow({ select: { id: true, schedules: { select: { id: true }, take: 1 } } });
  const startsOn = new Date(Date.now() - 300 * DAY).toISOString().slice(0, 10);
  const endsOn = new Date(Date.parse(startsOn) + 365 * DAY).toISOString().slice(0, 10);
  const lumen = await db.organization.create({
    data: {
      kind: "LICENSEE",
      name: "Lumen Robotics",
      licenseeProfile: { create: { legalName: "Lumen Robotics GmbH", country: "DE", industryGroup: "MEDIA_PUBLISHING", employeeCount: 300 } },
      grants: {
        create: {
          licenseNumber: `AITL-${startsOn.slice(0, 4)}-LUMENR`, verificationCode: `lumen${Date.now().toString(36)}demo`, planId: plan.id,
          priceScheduleId: plan.schedules[0]!.id, status: "ACTIVE", feeCents: 2_400_000n, quotedEmployeeCount: 300,
          quotedIndustryGroup: "MEDIA_PUBLISHING", quotedCountry: "DE", startsOn: new Date(`${startsOn}T00:00:00Z`),
          endsOn: new Date(`${endsOn}T00:00:00Z`), termDays: 365, activatedAt: new Date(`${startsOn}T09:00:00Z`),
        },
      },
    },
    include: { grants: true },
  });
  await db.payment.create({
    data: { grantId: lumen.grants[0]!.id, organizationId: lumen.id, amountCents: 2_400_000n, status: "SUCCEEDED", isManual: true, paidAt: new Date(`${startsOn}T09:00:00Z`) },
  });

  const last = previousQuarter(quarterOf(todayUtc()));
  const quarters = [previousQuarter(last), last];
  for (const [index, quarter] of quarters.entries()) {
    const report = await db.usageReport.create({
      data: {
        organizationId: lumen.id, quarter: quarter.code, source: "API", status: "PROCESSED", totalLines: USAGE.length,
        acceptedLines: USAGE.length, processedLines: USAGE.length, percent: 100,
        submittedAt: new Date(Date.parse(quarter.endsOn) + 5 * DAY), processedAt: new Date(Date.parse(quarter.endsOn) + 5 * DAY),
      },
    });
    for (const [line, [first12, purpose, units]] of USAGE.entries()) {
      const value = isbn13(first12);
      const identifier = await db.workIdentifier.findUniqueOrThrow({ where: { type_value: { type: "ISBN13", value } }, select: { workId: true } });
      await db.usageLine.create({
        data: {
          reportId: report.id, lineNumber: line + 1, rawIdentifier: value, purpose, units: units + BigInt(index) * 150_000n,
          identifierType: "ISBN13", normalizedIdentifier: value, matchStatus: "MATCHED", matchMethod: "IDENTIFIER", workId: identifier.workId,
        },
      });
    }
    const lines = await db.usageLine.findMany({ where: { reportId: report.id }, select: { id: true } });
    await db.$transaction((tx) => recomputeEligibility(tx, lines.map((l) => l.id)));
  }

  const admin = await db.user.findUniqueOrThrow({ where: { id: adminUserId }, select: { sessionVersion: true } });
  const actor = await loadUserActor(adminUserId, admin.sessionVersion, "127.0.0.1");
  if (!actor) throw new Error("The demo admin cannot act");
  for (const [index, quarter] of quarters.entries()) {
    const run = await db.distributionRun.create({ data: { quarter: quarter.code, createdById: adminUserId } });
    await calculateDistributionRun(run.id);
    if (index === 0) await approveDistributionRun(actor, { runId: run.id });
  }
}
