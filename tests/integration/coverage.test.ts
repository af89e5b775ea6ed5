import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/coverage/route";
import { db } from "@/server/db";
import { checkCoverage } from "@/server/coverage/check-coverage";
import { createOrganizationWithPeople } from "../factories";
import { apiRequest, createTestApiKey } from "../factories/api-keys";
import { createActiveGrant } from "../factories/licensing";
import { createWork, uniqueIsbn } from "../factories/works";

/** An approved rightsholder (since 2026-01-05) with a work enrolled on 2026-01-10, and a licensee licensed 2026-01-15 → 2027-01-15. */
async function world() {
  const rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
  await db.rightsholderProfile.update({ where: { organizationId: rightsholder.organization.id }, data: { status: "APPROVED", approvedAt: new Date("2026-01-05T10:00:00Z") } });
  const isbn = uniqueIsbn();
  const work = await createWork(rightsholder.organization.id, { isbn, title: "The Tidewater Atlas", purposes: ["TRAIN", "RAG"] });
  await db.work.update({ where: { id: work.id }, data: { createdAt: new Date("2026-01-10T08:00:00Z") } });
  const licensee = await createOrganizationWithPeople("LICENSEE");
  await createActiveGrant(licensee.organization.id, { startsOn: "2026-01-15", endsOn: "2027-01-15" });
  const ask = (identifier: string, purpose: string, date: string) => checkCoverage(licensee.member.actor, { organizationId: licensee.organization.id, identifier, purpose, date });
  return { rightsholder, licensee, work, isbn, ask };
}

describe("coverage, one work at a time", () => {
  it("answers covered or not with the reason, whatever form the identifier is typed in", async () => {
    const { work, isbn, ask, rightsholder } = await world();
    const hyphenated = `${isbn.slice(0, 3)}-${isbn.slice(3, 4)}-${isbn.slice(4, 8)}-${isbn.slice(8, 12)}-${isbn.slice(12)}`;
    expect(await ask(hyphenated, "TRAIN", "2026-06-01")).toMatchObject({
      covered: true, reason: "COVERED", identifier: { type: "ISBN13", value: isbn }, work: { id: work.id, title: "The Tidewater Atlas", rightsholder: rightsholder.organization.name },
    });
    expect((await ask(isbn, "FINE_TUNE", "2026-06-01")).reason).toBe("PURPOSE_NOT_PERMITTED");
    expect((await ask(isbn, "TRAIN", "2026-01-14")).reason).toBe("NO_ACTIVE_LICENSE");
    expect((await ask(isbn, "TRAIN", "2027-01-15")).reason).toBe("NO_ACTIVE_LICENSE");
    expect((await ask(uniqueIsbn(), "TRAIN", "2026-06-01"))).toMatchObject({ covered: false, reason: "NOT_ENROLLED", work: null });

    await db.work.update({ where: { id: work.id }, data: { excludedFrom: new Date("2026-09-01T00:00:00Z") } });
    expect((await ask(isbn, "TRAIN", "2026-08-31")).reason).toBe("COVERED");
    expect((await ask(isbn, "TRAIN", "2026-09-01")).reason).toBe("EXCLUDED");
  });

  it("does not cover a work in an open dispute, nor one whose rightsholder is not approved", async () => {
    const { work, isbn, ask, rightsholder } = await world();
    const claimant = await createOrganizationWithPeople("RIGHTSHOLDER");
    const dispute = await db.dispute.create({ data: { origin: "ENROLLMENT", workId: work.id, claimantOrgId: claimant.organization.id, reason: "Test claim" } });
    expect((await ask(isbn, "TRAIN", "2026-06-01")).reason).toBe("DISPUTED");
    await db.dispute.update({ where: { id: dispute.id }, data: { status: "REJECTED", resolvedAt: new Date() } });
    expect((await ask(isbn, "TRAIN", "2026-06-01")).reason).toBe("COVERED");
    await db.rightsholderProfile.update({ where: { organizationId: rightsholder.organization.id }, data: { status: "SUSPENDED" } });
    expect((await ask(isbn, "TRAIN", "2026-06-01")).reason).toBe("NOT_ENROLLED");
  });

  it("counts a revoked license up to the day it was revoked, and a cancelled one not at all", async () => {
    const { isbn, ask, licensee } = await world();
    const grant = await db.licenseGrant.findFirstOrThrow({ where: { organizationId: licensee.organization.id } });
    await db.licenseGrant.update({ where: { id: grant.id }, data: { status: "REVOKED", revokedAt: new Date("2026-06-10T15:00:00Z") } });
    expect((await ask(isbn, "TRAIN", "2026-06-09")).reason).toBe("COVERED");
    expect((await ask(isbn, "TRAIN", "2026-06-10")).reason).toBe("NO_ACTIVE_LICENSE");
    await db.licenseGrant.update({ where: { id: grant.id }, data: { status: "CANCELLED" } });
    expect((await ask(isbn, "TRAIN", "2026-03-01")).reason).toBe("NO_ACTIVE_LICENSE");
  });

  it("refuses a bad question field by field", async () => {
    const { ask } = await world();
    await expect(ask("978-0-306-40615-8", "TRAIN", "2026-06-01")).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { identifier: [expect.stringMatching(/check digit/)] } });
    await expect(ask("9780306406157", "SING", "2026-13-01")).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { purpose: [expect.any(String)], date: ["Use a date as YYYY-MM-DD."] } });
  });
});

describe("GET /api/v1/coverage", () => {
  it("answers a licensee key with coverage:read, and refuses other keys", async () => {
    const { isbn, licensee, rightsholder } = await world();
    const key = await createTestApiKey(licensee.owner.actor, licensee.organization.id, ["coverage:read"]);
    const response = await GET(apiRequest(`/api/v1/coverage?identifier=${isbn}&purpose=rag&date=2026-06-01`, { key: key.secret }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ covered: true, reason: "COVERED", purpose: "RAG", date: "2026-06-01", identifier: { type: "ISBN13", value: isbn } });

    const bad = await GET(apiRequest(`/api/v1/coverage?identifier=12345&purpose=TRAIN`, { key: key.secret }));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { code: "VALIDATION", details: { identifier: [expect.any(String)] } } });

    const usageKey = await createTestApiKey(licensee.owner.actor, licensee.organization.id, ["usage:read"]);
    expect((await GET(apiRequest(`/api/v1/coverage?identifier=${isbn}&purpose=TRAIN`, { key: usageKey.secret }))).status).toBe(403);
    const worksKey = await createTestApiKey(rightsholder.owner.actor, rightsholder.organization.id, ["works:read"]);
    expect((await GET(apiRequest(`/api/v1/coverage?identifier=${isbn}&purpose=TRAIN`, { key: worksKey.secret }))).status).toBe(403);
    expect((await GET(apiRequest(`/api/v1/coverage?identifier=${isbn}&purpose=TRAIN`))).status).toBe(401);
  });
});
