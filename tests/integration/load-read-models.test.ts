// The licensee overview's reads, each made one statement for the load test (docs/reliability.md
// "Load"): they must give what Prisma's nested reads of the same rows gave — grants newest first
// with their refunds and payments oldest first, exact cents and days; the profile with the name of
// the person who attested it.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getLicenseeProfile } from "@/server/licensees/licensee-profile.queries";
import { getLicenseOverview } from "@/server/licensing/grants.queries";
import { createOrganizationWithPeople, createStaffActor } from "../factories";
import { completeLicenseeProfile, createActiveGrant } from "../factories/licensing";

describe("the licensee overview's grants", () => {
  it("lists each grant with its refunds and payments in order, cents exact", async () => {
    const { organization, owner } = await createOrganizationWithPeople("LICENSEE");
    const older = await createActiveGrant(organization.id, { startsOn: "2025-01-10", endsOn: "2026-01-10" });
    await db.licenseGrant.update({ where: { id: older.id }, data: { status: "EXPIRED", createdAt: new Date("2025-01-09T10:00:00Z") } });
    const current = await createActiveGrant(organization.id, { startsOn: "2026-01-10", endsOn: "2027-01-10" });
    const payment = await db.payment.findFirstOrThrow({ where: { grantId: current.id } });
    await db.payment.create({ data: { grantId: current.id, organizationId: organization.id, amountCents: 9_007_199_254_740_993n, status: "FAILED", createdAt: new Date(Date.now() + 1000) } });
    const first = await db.refund.create({ data: { paymentId: payment.id, grantId: current.id, amountCents: 1_234n, effectiveOn: new Date("2026-03-01T00:00:00Z"), reason: "first", createdAt: new Date("2026-03-01T12:00:00Z") } });
    const second = await db.refund.create({ data: { paymentId: payment.id, grantId: current.id, amountCents: 5_678n, effectiveOn: new Date("2026-02-01T00:00:00Z"), reason: "second", createdAt: new Date("2026-03-02T12:00:00Z") } });

    const overview = await getLicenseOverview(owner.actor, organization.id);
    expect(overview.grants.map((g) => g.id)).toEqual([current.id, older.id]);
    const [grant] = overview.grants;
    expect(grant).toMatchObject({ licenseNumber: current.licenseNumber, status: "ACTIVE", feeCents: 450_000n, startsOn: "2026-01-10", endsOn: "2027-01-10", termDays: 365, autoRenew: false, revokedAt: null });
    expect(grant!.createdAt).toEqual(current.createdAt);
    expect(grant!.refunds).toEqual([
      { id: first.id, amountCents: 1_234n, effectiveOn: "2026-03-01", reason: "first" },
      { id: second.id, amountCents: 5_678n, effectiveOn: "2026-02-01", reason: "second" },
    ]);
    expect(grant!.payments).toEqual([
      { amountCents: 450_000n, currency: "USD", paidAt: new Date("2026-01-10T09:00:00Z"), status: "SUCCEEDED" },
      { amountCents: 9_007_199_254_740_993n, currency: "USD", paidAt: null, status: "FAILED" },
    ]);
    expect(overview.refunds.map((r) => r.licenseNumber)).toEqual([current.licenseNumber, current.licenseNumber]);
    expect(overview.active?.id).toBe(current.id);
  });

  it("has nothing for an organisation without grants", async () => {
    const { organization, owner } = await createOrganizationWithPeople("LICENSEE");
    expect((await getLicenseOverview(owner.actor, organization.id)).grants).toEqual([]);
  });
});

describe("the licensee profile", () => {
  it("names who attested it, and says a former member once that person is gone", async () => {
    const { organization, owner } = await createOrganizationWithPeople("LICENSEE");
    await completeLicenseeProfile(organization.id, owner.user.id);
    const profile = await getLicenseeProfile(owner.actor, organization.id);
    expect(profile).toMatchObject({ organizationId: organization.id, organizationName: organization.name, legalName: "Test AI Labs Inc.", country: "US", industryGroup: "TECHNOLOGY", employeeCount: 120, isComplete: true });
    expect(profile.attestation?.byName).toBe(owner.user.name);
    expect(profile.quote?.quote.feeCents).toBeGreaterThan(0n);

    const staff = await createStaffActor("ANALYST");
    await db.licenseeProfile.update({ where: { organizationId: organization.id }, data: { attestedById: "00000000-0000-4000-8000-00000000dead" } });
    expect((await getLicenseeProfile(staff, organization.id)).attestation?.byName).toBe("A former member");
  });

  it("is not found for a rightsholder's id or one that is not an id", async () => {
    const staff = await createStaffActor("ANALYST");
    const { organization } = await createOrganizationWithPeople("RIGHTSHOLDER");
    await expect(getLicenseeProfile(staff, organization.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getLicenseeProfile(staff, "not-an-id")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
