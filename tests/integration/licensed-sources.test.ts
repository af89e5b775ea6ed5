import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { exportLicensedSources } from "@/server/licensing/export-licensed-sources";
import { createOrganizationWithPeople, createStaffActor } from "../factories";
import { createActiveGrant } from "../factories/licensing";
import { createWork, uniqueIsbn } from "../factories/works";

async function text(lines: AsyncIterable<string>) {
  let out = "";
  for await (const chunk of lines) out += chunk;
  return out;
}

describe("the licensed sources export", () => {
  it("lists every work in the repertoire today, batch by batch, without excluded, disputed or unapproved works", async () => {
    const approved = await createOrganizationWithPeople("RIGHTSHOLDER");
    await db.rightsholderProfile.update({ where: { organizationId: approved.organization.id }, data: { status: "APPROVED", approvedAt: new Date("2026-01-01T00:00:00Z") } });
    const pending = await createOrganizationWithPeople("RIGHTSHOLDER");
    const isbn = uniqueIsbn();
    const listed = await createWork(approved.organization.id, { title: "=Formula Title", isbn, purposes: ["TRAIN"] });
    const excluded = await createWork(approved.organization.id, { title: "Excluded Work", excludedFrom: new Date("2020-01-01T00:00:00Z") });
    const disputed = await createWork(approved.organization.id, { title: "Disputed Work" });
    await db.dispute.create({ data: { origin: "ENROLLMENT", workId: disputed.id, claimantOrgId: pending.organization.id, reason: "Claim" } });
    const unapproved = await createWork(pending.organization.id, { title: "Pending Work" });

    const licensee = await createOrganizationWithPeople("LICENSEE");
    await expect(exportLicensedSources(licensee.member.actor, licensee.organization.id)).rejects.toMatchObject({ code: "CONFLICT" });
    await createActiveGrant(licensee.organization.id);
    const exported = await exportLicensedSources(licensee.member.actor, licensee.organization.id, { batchSize: 2 });
    const csv = await text(exported.lines);
    const rows = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(rows[0]).toBe("isbn,issn,doi,url,title,contributors,publisher,publication_year,rightsholder,licensed_purposes,in_repertoire_since");
    const line = rows.find((r) => r.startsWith(isbn));
    expect(line).toBe(`${isbn},,,,'=Formula Title,Test Author,,2020,${approved.organization.name},TRAIN,${listed.createdAt.toISOString().slice(0, 10)}`);
    for (const work of [excluded, disputed, unapproved]) expect(csv).not.toContain(work.title);
    expect(new Set(rows.slice(1)).size).toBe(rows.length - 1);

    await exportLicensedSources(await createStaffActor("ANALYST"), licensee.organization.id);
    const other = await createOrganizationWithPeople("LICENSEE");
    await expect(exportLicensedSources(other.owner.actor, licensee.organization.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
