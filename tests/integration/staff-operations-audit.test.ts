// The staff audit log viewer: filters, newest first, keyset pages both ways, the CSV export with
// formula-like cells defused. Each test writes rows under an action prefix of its own (the log is
// shared by every file) and filters on it.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { exportAuditLogCsv } from "@/server/audit/audit-export";
import { listAuditLog } from "@/server/audit/audit.queries";
import type { UserActor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import { createOrganization, createOrganizationWithPeople, createStaffActor } from "../factories";

let admin: UserActor;
let analyst: UserActor;
beforeAll(async () => {
  admin = await createStaffActor("ADMIN");
  analyst = await createStaffActor("ANALYST");
});

const prefix = () => `optest${randomUUID().slice(0, 8)}`;

async function collect(lines: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of lines) text += chunk;
  return text;
}

/** Rows at chosen moments (the trigger refuses changes, not inserts with a time). */
async function writeRows(rows: { action: string; at: string; actorUserId?: string; actorKind?: string; organizationId?: string; entityType?: string; entityId?: string; before?: object; after?: object }[]) {
  await db.auditLog.createMany({
    data: rows.map((r) => ({
      action: r.action, at: new Date(r.at), actorUserId: r.actorUserId ?? null, actorKind: r.actorKind ?? "staff", organizationId: r.organizationId ?? null,
      entityType: r.entityType ?? "TestEntity", entityId: r.entityId ?? randomUUID(), before: r.before, after: r.after,
    })),
  });
}

describe("the audit log viewer", () => {
  it("filters by actor, organisation, entity, action prefix and date range, newest first", async () => {
    const p = prefix();
    const org = await createOrganization("LICENSEE", `Audit Org ${p}`);
    const grantId = randomUUID();
    await writeRows([
      { action: `${p}.license.refunded`, at: "2026-03-01T10:00:00Z", actorUserId: admin.userId, organizationId: org.id, entityType: "LicenseGrant", entityId: grantId },
      { action: `${p}.license.revoked`, at: "2026-03-05T10:00:00Z", actorUserId: analyst.userId, organizationId: org.id, entityType: "LicenseGrant", entityId: grantId },
      { action: `${p}.job.retried`, at: "2026-03-07T23:59:59Z", actorKind: "system", entityType: "Job" },
      { action: `${p}.setting.value_added`, at: "2026-03-08T00:00:00Z", actorUserId: admin.userId },
      { action: `${p}.setting.valueXadded`, at: "2026-03-09T00:00:00Z", actorUserId: admin.userId },
    ]);
    const actions = async (filters: Record<string, string>) => (await listAuditLog(analyst, { action: p, ...filters })).rows.map((r) => r.action.slice(p.length + 1));

    expect(await actions({})).toEqual(["setting.valueXadded", "setting.value_added", "job.retried", "license.revoked", "license.refunded"]);
    expect(await actions({ actor: admin.email.toUpperCase() })).toEqual(["setting.valueXadded", "setting.value_added", "license.refunded"]);
    expect(await actions({ actor: analyst.userId })).toEqual(["license.revoked"]);
    expect(await actions({ actor: "system" })).toEqual(["job.retried"]);
    expect(await actions({ organization: org.id })).toEqual(["license.revoked", "license.refunded"]);
    expect(await actions({ organization: `audit org ${p}` })).toEqual(["license.revoked", "license.refunded"]);
    expect(await actions({ entityType: "LicenseGrant", entityId: grantId })).toEqual(["license.revoked", "license.refunded"]);
    expect(await actions({ action: `${p}.license.` })).toEqual(["license.revoked", "license.refunded"]);
    // "_" is a wildcard in LIKE: the prefix is matched literally.
    expect(await actions({ action: `${p}.setting.value_` })).toEqual(["setting.value_added"]);
    expect(await actions({ from: "2026-03-05", to: "2026-03-07" })).toEqual(["job.retried", "license.revoked"]);

    const page = await listAuditLog(analyst, { action: `${p}.license.refunded` });
    expect(page.rows[0]).toMatchObject({ actorName: admin.name, actorEmail: admin.email, organizationName: org.name, entityType: "LicenseGrant", entityId: grantId });
  });

  it("says why nothing matches when a filter names nobody, and ignores a malformed day", async () => {
    const unknown = await listAuditLog(admin, { actor: `nobody-${randomUUID()}@example.test` });
    expect(unknown.rows).toEqual([]);
    expect(unknown.notes[0]).toMatch(/^No user has the email nobody-/);
    expect((await listAuditLog(admin, { organization: `No such org ${randomUUID()}` })).notes[0]).toMatch(/^No organisation is named/);
    const p = prefix();
    await writeRows([{ action: `${p}.x`, at: "2026-01-01T00:00:00Z" }]);
    const bad = await listAuditLog(admin, { action: p, from: "2026-13-01" });
    expect(bad.rows).toHaveLength(1);
    expect(bad.notes).toEqual(["“2026-13-01” is not a day (YYYY-MM-DD): the start of the range is ignored."]);
  });

  it("pages by keyset, older and back newer, without losing or repeating a row, rows of one moment included", async () => {
    const p = prefix();
    // Seven rows, three of them at the same millisecond: the id breaks the tie.
    await writeRows(["01", "02", "03", "03", "03", "04", "05"].map((day, i) => ({ action: `${p}.n${i}`, at: `2026-02-${day}T12:00:00Z` })));
    const seen: string[] = [];
    let page = await listAuditLog(analyst, { action: p }, 3);
    expect(page.newerCursor).toBeNull();
    const pages = [page.rows.map((r) => r.action)];
    seen.push(...page.rows.map((r) => r.action));
    while (page.olderCursor) {
      page = await listAuditLog(analyst, { action: p, cursor: page.olderCursor, dir: "older" }, 3);
      pages.push(page.rows.map((r) => r.action));
      seen.push(...page.rows.map((r) => r.action));
    }
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `${p}.n${i}`));
    expect(pages.map((rows) => rows.length)).toEqual([3, 3, 1]);
    const back = await listAuditLog(analyst, { action: p, cursor: page.newerCursor!, dir: "newer" }, 3);
    expect(back.rows.map((r) => r.action)).toEqual(pages[1]);
    expect(back.olderCursor).not.toBeNull();
    const first = await listAuditLog(analyst, { action: p, cursor: back.newerCursor!, dir: "newer" }, 3);
    expect(first.rows.map((r) => r.action)).toEqual(pages[0]);
    expect(first.newerCursor).toBeNull();
  });

  it("exports the filtered rows as CSV, before and after as JSON, formula-like cells defused", async () => {
    const p = prefix();
    await writeRows([
      { action: `${p}.work.updated`, at: "2026-04-01T09:00:00Z", actorUserId: admin.userId, entityType: "Work", entityId: "=HYPERLINK(\"http://evil\")", before: { title: "Old" }, after: { title: "+cmd|' /C calc'!A0" } },
      { action: `${p}.other`, at: "2026-04-02T09:00:00Z", actorKind: "system" },
    ]);
    const csv = await collect(await exportAuditLogCsv(analyst, { action: `${p}.work`, cursor: "1.1" }));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("\uFEFFid,at,actor_kind,actor_user_id,actor_email,organization_id,organization,action,entity_type,entity_id,before,after,ip");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`,staff,${admin.userId},${admin.email},,,${p}.work.updated,Work,"'=HYPERLINK(""http://evil"")",`);
    expect(lines[1]).toContain(`"{""title"":""Old""}","{""title"":""+cmd|' /C calc'!A0""}"`);
    expect(lines[1]).toContain(",2026-04-01T09:00:00.000Z,");
    const everything = await collect(await exportAuditLogCsv(admin, { action: p }));
    expect(everything.split("\r\n").filter(Boolean)).toHaveLength(3);
    const nobody = await collect(await exportAuditLogCsv(admin, { actor: `nobody-${randomUUID()}@example.test` }));
    expect(nobody.split("\r\n").filter(Boolean)).toHaveLength(1);
  });

  it("is for staff only", async () => {
    const people = await createOrganizationWithPeople("RIGHTSHOLDER");
    for (const actor of [people.owner.actor, people.member.actor, null]) {
      for (const call of [() => listAuditLog(actor, {}), () => exportAuditLogCsv(actor, {})]) {
        const error = await call().then(() => null, (e: unknown) => e);
        expect(isAppError(error) && error.code).toBe("FORBIDDEN");
      }
    }
  });
});
