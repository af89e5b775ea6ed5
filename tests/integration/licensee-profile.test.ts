import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getLicenseeProfile } from "@/server/licensees/licensee-profile.queries";
import { updateLicenseeProfile } from "@/server/licensees/update-licensee-profile";
import { createOrganizationWithPeople, createStaffActor } from "../factories";
import { ensureLicensePlan } from "../factories/pricing";

beforeAll(async () => {
  await ensureLicensePlan();
});

const DESCRIPTION = "A retrieval assistant over news archives, sold to newsrooms; a model fine-tuned for legal drafting, offered to firms.";

describe("the licensee profile", () => {
  it("has no price until every detail and the attestation are on file, then the price of its size, industry and country", async () => {
    const { organization, owner, member } = await createOrganizationWithPeople("LICENSEE");
    const empty = await getLicenseeProfile(member.actor, organization.id);
    expect(empty).toMatchObject({ isComplete: false, quote: null, canManage: false });

    await updateLicenseeProfile(owner.actor, {
      organizationId: organization.id, legalName: "  Northwind AI Labs Inc. ", country: "IN", industryGroup: "TECHNOLOGY",
      employeeCount: "120", aiSystemsDescription: DESCRIPTION, attestsLawfulContent: "on",
    });
    const done = await getLicenseeProfile(owner.actor, organization.id);
    expect(done).toMatchObject({ isComplete: true, canManage: true, legalName: "Northwind AI Labs Inc.", employeeCount: 120 });
    expect(done.quote?.quote.feeCents).toBe(864_000n);
    expect(done.attestation?.byName).toBe(owner.user.name);

    const stored = await db.licenseeProfile.findUniqueOrThrow({ where: { organizationId: organization.id } });
    expect(stored.attestedById).toBe(owner.user.id);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: organization.id, action: "licensee.profile_updated" } });
    expect(audit.after).toMatchObject({ employeeCount: 120, industryGroup: "TECHNOLOGY" });

    const staffView = await getLicenseeProfile(await createStaffActor("ANALYST"), organization.id);
    expect(staffView).toMatchObject({ isComplete: true, canManage: false });
  });

  it("saves nothing new when nothing changed", async () => {
    const { organization, owner } = await createOrganizationWithPeople("LICENSEE");
    const input = { organizationId: organization.id, legalName: "Same Co", country: "US", industryGroup: "OTHER" as const, employeeCount: 5, aiSystemsDescription: DESCRIPTION, attestsLawfulContent: "on" as const };
    expect(await updateLicenseeProfile(owner.actor, input)).toEqual({ changed: true });
    expect(await updateLicenseeProfile(owner.actor, input)).toEqual({ changed: false });
    expect(await db.auditLog.count({ where: { entityId: organization.id, action: "licensee.profile_updated" } })).toBe(1);
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const { organization, owner } = await createOrganizationWithPeople("LICENSEE");
    const error = await updateLicenseeProfile(owner.actor, {
      organizationId: organization.id, legalName: "", country: "XX", industryGroup: "MINING" as "OTHER", employeeCount: "0",
      aiSystemsDescription: "An AI.", attestsLawfulContent: "" as "on",
    }).catch((e: unknown) => e);
    const fields = (error as { issues: { path: string[] }[] }).issues.map((i) => i.path[0]);
    expect(new Set(fields)).toEqual(new Set(["legalName", "country", "industryGroup", "employeeCount", "aiSystemsDescription", "attestsLawfulContent"]));
    expect((await db.licenseeProfile.findUniqueOrThrow({ where: { organizationId: organization.id } })).legalName).toBeNull();
  });

  it("is a licensee's: a rightsholder organisation has none", async () => {
    const { organization, owner } = await createOrganizationWithPeople("RIGHTSHOLDER");
    await expect(getLicenseeProfile(owner.actor, organization.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getLicenseeProfile(await createStaffActor("ADMIN"), organization.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
