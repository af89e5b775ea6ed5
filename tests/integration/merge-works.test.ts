import { describe, expect, it } from "vitest";
import type { WorkDraft } from "@/lib/works/work-input";
import { parseWork } from "@/lib/works/work-input";
import { SYSTEM } from "@/server/auth/actor";
import { db } from "@/server/db";
import { withPgTransaction } from "@/server/pg";
import { createWork } from "@/server/works/create-work";
import { mergeWorks, type MergeRow } from "@/server/works/merge-works";
import { createOrganizationWithPeople } from "../factories";
import { uniqueDoi, uniqueIsbn } from "../factories/works";

const TODAY = "2026-11-23";

function draft(raw: Parameters<typeof parseWork>[0]): WorkDraft {
  const parsed = parseWork(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.work;
}

function merge(organizationId: string, rows: MergeRow[]) {
  return withPgTransaction((client) =>
    mergeWorks(client, { organizationId, actor: SYSTEM, source: { kind: "import", importId: "00000000-0000-7000-8000-000000000001", fileName: "test.csv" }, rows, today: TODAY }),
  );
}

describe("mergeWorks", () => {
  it("creates, then finds the same works unchanged, then updates what changed", async () => {
    const { organization } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const [a, b] = [uniqueIsbn(), uniqueIsbn()];
    const rows = [
      { ref: 2, work: draft({ title: "First Book", contributors: "Ann One; Bob Two", identifiers: [a], publicationYear: "2020", purposes: "TRAIN;RAG" }) },
      { ref: 3, work: draft({ title: "Second Book", identifiers: [b, uniqueDoi()], type: "journal article" }) },
    ];
    const first = await merge(organization.id, rows);
    expect(first.map((r) => r.outcome)).toEqual(["created", "created"]);
    const work = await db.work.findUniqueOrThrow({ where: { id: first[0]!.workId! }, include: { identifiers: true } });
    expect(work).toMatchObject({ title: "First Book", contributors: ["Ann One", "Bob Two"], purposes: ["TRAIN", "RAG"], publicationYear: 2020 });
    expect(work.identifiers.map((i) => i.value)).toEqual([a]);

    const again = await merge(organization.id, rows);
    expect(again.map((r) => r.outcome)).toEqual(["unchanged", "unchanged"]);

    const changed = await merge(organization.id, [{ ref: 2, work: draft({ title: "First Book, Revised", identifiers: [a], publicationYear: "2020", purposes: "TRAIN;RAG" }) }]);
    expect(changed[0]).toMatchObject({ outcome: "updated", workId: work.id });
    const history = await db.auditLog.findMany({ where: { entityType: "Work", entityId: String(work.id) }, orderBy: { id: "asc" } });
    expect(history.map((h) => h.action)).toEqual(["work.created", "work.updated"]);
    expect(history[1]!.before).toMatchObject({ title: "First Book" });
  });

  it("rejects rows that repeat an identifier or join two works, and writes nothing for them", async () => {
    const { organization } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const [a, b, c] = [uniqueIsbn(), uniqueIsbn(), uniqueIsbn()];
    await merge(organization.id, [
      { ref: 1, work: draft({ title: "One", identifiers: [a] }) },
      { ref: 2, work: draft({ title: "Two", identifiers: [b] }) },
    ]);
    const results = await merge(organization.id, [
      { ref: 5, work: draft({ title: "Both", identifiers: [a, b] }) },
      { ref: 6, work: draft({ title: "New", identifiers: [c] }) },
      { ref: 7, work: draft({ title: "Again", identifiers: [c] }) },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(["rejected", "created", "rejected"]);
    expect(results[2]!.reasons[0]).toMatch(/also on line 6/);
    expect(results[0]!.reasons[0]).toMatch(/different works/);
  });

  it("opens one dispute for an identifier another rightsholder holds, and none on a re-import", async () => {
    const holder = await createOrganizationWithPeople("RIGHTSHOLDER");
    const claimant = await createOrganizationWithPeople("RIGHTSHOLDER");
    const isbn = uniqueIsbn();
    const [held] = await merge(holder.organization.id, [{ ref: 1, work: draft({ title: "Held", identifiers: [isbn] }) }]);
    const row = { ref: 1, work: draft({ title: "Claimed", identifiers: [isbn] }) };
    const [claim] = await merge(claimant.organization.id, [row]);
    expect(claim).toMatchObject({ outcome: "created", disputed: [{ type: "ISBN13", value: isbn }] });
    const dispute = await db.dispute.findFirstOrThrow({ where: { claimantOrgId: claimant.organization.id } });
    expect(dispute).toMatchObject({ workId: held!.workId, claimantWorkId: claim!.workId, status: "OPEN", identifierValue: isbn });

    const [again] = await merge(claimant.organization.id, [row]);
    expect(again).toMatchObject({ outcome: "unchanged", workId: claim!.workId });
    expect(await db.dispute.count({ where: { claimantOrgId: claimant.organization.id } })).toBe(1);
  });

  it("never starts an exclusion in the past", async () => {
    const { organization } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const isbn = uniqueIsbn();
    const [past] = await merge(organization.id, [{ ref: 1, work: draft({ title: "Late", identifiers: [isbn], excludedFrom: "2026-01-01" }) }]);
    expect(past).toMatchObject({ outcome: "rejected" });
    const [future] = await merge(organization.id, [{ ref: 1, work: draft({ title: "Later", identifiers: [isbn], excludedFrom: "2027-01-01" }) }]);
    expect(future).toMatchObject({ outcome: "created" });
  });
});

describe("createWork (the form)", () => {
  it("enrolls a work and refuses an identifier already on one of the organisation's works", async () => {
    const { organization, member } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const isbn = uniqueIsbn();
    const created = await createWork(member.actor, { organizationId: organization.id, work: { title: "Typed In", identifiers: [isbn] } });
    expect(created.workId).toBeGreaterThan(0);
    await expect(createWork(member.actor, { organizationId: organization.id, work: { title: "Twice", identifiers: [isbn] } })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { identifiers: [expect.stringMatching(/edit that work/)] },
    });
    await expect(createWork(member.actor, { organizationId: organization.id, work: { title: "", identifiers: ["978-0-00-000000-1"] } })).rejects.toMatchObject({
      fieldErrors: { title: [expect.any(String)], identifiers: [expect.stringMatching(/check digit/i)] },
    });
  });
});
