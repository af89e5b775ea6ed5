import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { exportOrganizationsCsv, organizationsCsvResponse } from "@/server/organizations/staff-organizations-csv";
import { listOrganizationsForStaff } from "@/server/organizations/staff-organizations.queries";
import { addMember, createOrganization, createOrganizationWithPeople, createStaffActor, createUser } from "../factories";
import { createDispute } from "../factories/disputes";
import { createActiveGrant } from "../factories/licensing";
import { createWork } from "../factories/works";

// The staff list of organisations: search, filters, counts, pages and the CSV export. Every test
// tags its organisations with a token of its own (the database is shared by every test file).

const tag = () => `zq${randomUUID().slice(0, 8)}`;

async function readAll(lines: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of lines) text += chunk;
  return text;
}

describe("the staff organisations list", () => {
  it("finds organisations by name, legal name and member email, whatever the case", async () => {
    const analyst = await createStaffActor("ANALYST");
    const token = tag();
    const byName = await createOrganization("LICENSEE", `Acme ${token} Labs`);
    const byLegal = await createOrganization("RIGHTSHOLDER", `Press ${randomUUID().slice(0, 6)}`);
    await db.rightsholderProfile.update({ where: { organizationId: byLegal.id }, data: { legalName: `${token.toUpperCase()} Publishing Ltd` } });
    const byEmail = await createOrganization("LICENSEE", `Quiet ${randomUUID().slice(0, 6)}`);
    await addMember(byEmail.id, "MEMBER", await createUser({ email: `person-${token}@example.test` }));
    await createOrganization("LICENSEE", `Unrelated ${randomUUID().slice(0, 6)}`);

    const found = await listOrganizationsForStaff(analyst, { q: token });
    expect(found.organizations.map((o) => o.id).sort()).toEqual([byName.id, byLegal.id, byEmail.id].sort());
    expect(found.total).toBe(3);
    expect(found.organizations.find((o) => o.id === byLegal.id)?.legalName).toBe(`${token.toUpperCase()} Publishing Ltd`);
    expect((await listOrganizationsForStaff(analyst, { q: `person-${token}@EXAMPLE` })).organizations.map((o) => o.id)).toEqual([byEmail.id]);
  });

  it("filters by kind and by state (suspended by staff, switched off, or participation suspended)", async () => {
    const admin = await createStaffActor("ADMIN");
    const token = tag();
    const licensee = await createOrganization("LICENSEE", `${token} licensee`);
    const rightsholder = await createOrganization("RIGHTSHOLDER", `${token} rightsholder`);
    const suspended = await createOrganization("RIGHTSHOLDER", `${token} suspended`);
    await db.organization.update({ where: { id: suspended.id }, data: { suspendedAt: new Date(), suspendReason: "Fraudulent claims" } });
    const switchedOff = await createOrganization("LICENSEE", `${token} switched off`);
    await db.organization.update({ where: { id: switchedOff.id }, data: { isActive: false } });
    const participationSuspended = await createOrganization("RIGHTSHOLDER", `${token} participation`);
    await db.rightsholderProfile.update({ where: { organizationId: participationSuspended.id }, data: { status: "SUSPENDED" } });

    const ids = async (query: Record<string, string>) => (await listOrganizationsForStaff(admin, { q: token, ...query })).organizations.map((o) => o.id).sort();
    expect(await ids({ kind: "LICENSEE" })).toEqual([licensee.id, switchedOff.id].sort());
    expect(await ids({ kind: "RIGHTSHOLDER", state: "ACTIVE" })).toEqual([rightsholder.id]);
    expect(await ids({ state: "SUSPENDED" })).toEqual([suspended.id, switchedOff.id, participationSuspended.id].sort());
    expect(await ids({ state: "ACTIVE" })).toEqual([licensee.id, rightsholder.id].sort());
    // Unknown filter values fall back to "all" rather than failing the page.
    expect(await ids({ kind: "PIRATE", state: "whatever" })).toHaveLength(5);
    const row = (await listOrganizationsForStaff(admin, { q: token, state: "SUSPENDED" })).organizations.find((o) => o.id === suspended.id);
    expect(row).toMatchObject({ isSuspended: true, suspendReason: "Fraudulent claims" });
  });

  it("counts members, active licenses, works on file and open disputes on both sides", async () => {
    const analyst = await createStaffActor("ANALYST");
    const token = tag();
    const licensee = await createOrganizationWithPeople("LICENSEE");
    await db.organization.update({ where: { id: licensee.organization.id }, data: { name: `${token} licensee` } });
    await createActiveGrant(licensee.organization.id);
    const expired = await createActiveGrant(licensee.organization.id, { startsOn: "2024-01-15", endsOn: "2025-01-15" });
    await db.licenseGrant.update({ where: { id: expired.id }, data: { status: "EXPIRED" } });
    const holder = await createOrganization("RIGHTSHOLDER", `${token} holder`);
    const claimant = await createOrganization("RIGHTSHOLDER", `${token} claimant`);
    await createDispute(holder.id, claimant.id);
    const merged = await createWork(holder.id);
    await db.work.update({ where: { id: merged.id }, data: { status: "MERGED" } });

    const rows = (await listOrganizationsForStaff(analyst, { q: token })).organizations;
    const countsOf = (id: string) => rows.find((o) => o.id === id)?.counts;
    expect(countsOf(licensee.organization.id)).toEqual({ members: 2, activeGrants: 1, works: 0, openDisputes: 0 });
    // The holder's held work counts, the merged one does not; the claimant's claimed work is its own.
    expect(countsOf(holder.id)).toEqual({ members: 0, activeGrants: 0, works: 1, openDisputes: 1 });
    expect(countsOf(claimant.id)).toMatchObject({ works: 1, openDisputes: 1 });
  });

  it("pages 50 at a time in name order", async () => {
    const analyst = await createStaffActor("ANALYST");
    const token = tag();
    for (let i = 0; i < 51; i++) await createOrganization("LICENSEE", `${token} org ${String(i).padStart(2, "0")}`);
    const first = await listOrganizationsForStaff(analyst, { q: token });
    expect(first.total).toBe(51);
    expect(first.hasNext).toBe(true);
    expect(first.organizations).toHaveLength(50);
    expect(first.organizations[0]!.name).toBe(`${token} org 00`);
    const second = await listOrganizationsForStaff(analyst, { q: token, page: "2" });
    expect(second.hasNext).toBe(false);
    expect(second.organizations.map((o) => o.name)).toEqual([`${token} org 50`]);
  });

  it("exports the filtered list as CSV, every matching row with its counts", async () => {
    const analyst = await createStaffActor("ANALYST");
    const token = tag();
    const people = await createOrganizationWithPeople("LICENSEE");
    await db.organization.update({ where: { id: people.organization.id }, data: { name: `${token} Alpha` } });
    await createActiveGrant(people.organization.id);
    const formula = await createOrganization("RIGHTSHOLDER", `=HYPERLINK("${token}")`);
    await createOrganization("RIGHTSHOLDER", `Elsewhere ${randomUUID().slice(0, 6)}`);

    const { fileName, lines } = await exportOrganizationsCsv(analyst, { q: token });
    expect(fileName).toMatch(/^organizations-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = (await readAll(lines)).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(rows[0]).toBe("organization_id,kind,name,legal_name,country,state,participation_status,suspend_reason,members,active_grants,works,open_disputes,created_at");
    expect(rows).toHaveLength(3);
    const rowOf = (id: string) => rows.find((r) => r.startsWith(`${id},`));
    expect(rowOf(people.organization.id)).toContain(`${people.organization.id},LICENSEE,${token} Alpha,,,ACTIVE,,,2,1,0,0,`);
    // A name that starts like a formula is written as text.
    expect(rowOf(formula.id)).toContain(`,RIGHTSHOLDER,"'=HYPERLINK(""${token}"")",,,ACTIVE,DRAFT,`);
    const suspendedOnly = await readAll((await exportOrganizationsCsv(analyst, { q: token, state: "SUSPENDED" })).lines);
    expect(suspendedOnly.trim().split("\r\n")).toHaveLength(1);

    // The route's response: the same file for staff, a plain refusal for anyone else.
    const response = await organizationsCsvResponse(analyst, new URLSearchParams({ q: token, kind: "LICENSEE" }));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect((await response.text()).trim().split("\r\n")).toHaveLength(2);
    expect((await organizationsCsvResponse(null, new URLSearchParams())).status).toBe(401);
    expect((await organizationsCsvResponse(people.owner.actor, new URLSearchParams())).status).toBe(403);
  });

  it("is for staff only: organisation members are refused the list and the export", async () => {
    const people = await createOrganizationWithPeople("RIGHTSHOLDER");
    for (const actor of [people.owner.actor, people.member.actor, null]) {
      await expect(listOrganizationsForStaff(actor, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(exportOrganizationsCsv(actor, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
