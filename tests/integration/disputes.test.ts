import { describe, expect, it } from "vitest";
import { scaleShares } from "@/lib/works/co-owner-shares";
import { db } from "@/server/db";
import { getDispute, listDisputeQueue, listDisputes } from "@/server/disputes/disputes.queries";
import { heldWorkIds } from "@/server/disputes/held-works";
import { resolveDispute } from "@/server/disputes/resolve-dispute";
import { createOrganizationWithPeople, createStaffActor, mailsTo } from "../factories";
import { createDispute } from "../factories/disputes";
import { uniqueIsbn } from "../factories/works";

async function parties() {
  const holder = await createOrganizationWithPeople("RIGHTSHOLDER");
  const claimant = await createOrganizationWithPeople("RIGHTSHOLDER");
  await db.rightsholderProfile.update({ where: { organizationId: holder.organization.id }, data: { contactEmail: "private@holder.test", legalName: "Holder Legal Ltd" } });
  return { holder, claimant, admin: await createStaffActor("ADMIN") };
}

describe("enrollment disputes", () => {
  it("shows both sides their own work in full and the other's only in public terms", async () => {
    const { holder, claimant } = await parties();
    const { dispute, heldWorkId, claimantWorkId } = await createDispute(holder.organization.id, claimant.organization.id);

    const holderView = await getDispute(holder.member.actor, dispute.id);
    expect(holderView.side).toBe("holder");
    expect(holderView.holder.work).toMatchObject({ id: heldWorkId, identifiers: expect.any(Array) });
    expect(Object.keys(holderView.claimant.work!).sort()).toEqual(["contributors", "id", "publicationYear", "title", "type"]);
    const claimantView = await getDispute(claimant.owner.actor, dispute.id);
    expect(claimantView.side).toBe("claimant");
    expect(claimantView.claimant.work).toMatchObject({ id: claimantWorkId });
    const shown = JSON.stringify(claimantView);
    expect(shown).not.toMatch(/private@holder|Holder Legal/);
    expect(shown).not.toContain(holder.organization.id);

    const stranger = await createOrganizationWithPeople("RIGHTSHOLDER");
    await expect(getDispute(stranger.owner.actor, dispute.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const [ours] = await listDisputes(claimant.owner.actor, claimant.organization.id);
    expect(ours).toMatchObject({ id: dispute.id, side: "claimant", otherOrganizationName: holder.organization.name });
    const [theirs] = await listDisputes(holder.owner.actor, holder.organization.id);
    expect(theirs).toMatchObject({ id: dispute.id, side: "holder", otherOrganizationName: claimant.organization.name });
  });

  it("holds both works while open and releases them when resolved", async () => {
    const { holder, claimant, admin } = await parties();
    const { dispute, heldWorkId, claimantWorkId } = await createDispute(holder.organization.id, claimant.organization.id);
    expect(await heldWorkIds(db)).toEqual(expect.arrayContaining([heldWorkId, claimantWorkId]));
    await resolveDispute(admin, { disputeId: dispute.id, resolution: "ASSIGN_HOLDER", note: "The holder showed the contract." });
    const held = await heldWorkIds(db);
    expect(held).not.toContain(heldWorkId);
    expect(held).not.toContain(claimantWorkId);
  });

  it("moves the identifier to the claimant's work when assigned to the claimant", async () => {
    const { holder, claimant, admin } = await parties();
    const { dispute, isbn, claimantWorkId } = await createDispute(holder.organization.id, claimant.organization.id);
    await resolveDispute(admin, { disputeId: dispute.id, resolution: "ASSIGN_CLAIMANT", note: "Rights reverted to the author's new publisher." });
    const identifier = await db.workIdentifier.findUniqueOrThrow({ where: { type_value: { type: "ISBN13", value: isbn } } });
    expect(identifier.workId).toBe(claimantWorkId);
    expect(await db.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).toMatchObject({ status: "RESOLVED_ASSIGNED", resolvedById: admin.userId });
    expect((await mailsTo(claimant.owner.user.email)).at(-1)?.subject).toMatch(/Dispute resolved/);
    expect((await mailsTo(holder.owner.user.email)).at(-1)?.text).toMatch(/now belongs to/);
  });

  it("makes co-owners: merges the claimant's work and carves its share out of the split", async () => {
    const { holder, claimant, admin } = await parties();
    const extra = uniqueIsbn();
    const { dispute, heldWorkId, claimantWorkId } = await createDispute(holder.organization.id, claimant.organization.id, { claimantExtraIsbn: extra });
    await resolveDispute(admin, { disputeId: dispute.id, resolution: "CO_OWNERS", note: "Both hold rights under the 2019 agreement.", claimantSharePercent: "33.33" });
    const owners = await db.workCoOwner.findMany({ where: { workId: heldWorkId }, orderBy: { id: "asc" } });
    expect(owners.map((o) => [o.organizationId, o.shareBps])).toEqual([[holder.organization.id, 6667], [claimant.organization.id, 3333]]);
    expect(await db.work.findUniqueOrThrow({ where: { id: claimantWorkId } })).toMatchObject({ status: "MERGED", mergedIntoId: heldWorkId });
    expect((await db.workIdentifier.findUniqueOrThrow({ where: { type_value: { type: "ISBN13", value: extra } } })).workId).toBe(heldWorkId);
  });

  it("lets one of two simultaneous resolutions win and requires a note and a valid share", async () => {
    const { holder, claimant, admin } = await parties();
    const { dispute } = await createDispute(holder.organization.id, claimant.organization.id);
    await expect(resolveDispute(admin, { disputeId: dispute.id, resolution: "REJECT", note: "no" })).rejects.toMatchObject({ fieldErrors: { note: [expect.any(String)] } });
    await expect(resolveDispute(admin, { disputeId: dispute.id, resolution: "CO_OWNERS", note: "Shared rights, see file.", claimantSharePercent: "100" })).rejects.toMatchObject({
      fieldErrors: { claimantSharePercent: [expect.any(String)] },
    });
    const outcomes = await Promise.allSettled([
      resolveDispute(admin, { disputeId: dispute.id, resolution: "REJECT", note: "No evidence was supplied." }),
      resolveDispute(admin, { disputeId: dispute.id, resolution: "ASSIGN_CLAIMANT", note: "Claimant proved the rights." }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
  });

  it("lists the staff queue oldest first and refuses analysts a resolution", async () => {
    const { holder, claimant } = await parties();
    const { dispute } = await createDispute(holder.organization.id, claimant.organization.id);
    const analyst = await createStaffActor("ANALYST");
    const queue = await listDisputeQueue(analyst, { status: "OPEN" });
    expect(queue.disputes.map((d) => d.id)).toContain(dispute.id);
    await expect(resolveDispute(analyst, { disputeId: dispute.id, resolution: "REJECT", note: "Analysts cannot do this." })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("scaleShares", () => {
  it("scales exactly with largest remainders", () => {
    expect(scaleShares([10000], 6667)).toEqual([6667]);
    expect(scaleShares([5000, 5000], 6667)).toEqual([3334, 3333]);
    expect(scaleShares([3333, 3333, 3334], 5000)).toEqual([1666, 1666, 1668].map((x, i) => x + (i === 0 ? 1 : 0) - (i === 2 ? 1 : 0)));
    for (const total of [1, 999, 5000, 9999]) expect(scaleShares([6000, 2500, 1500], total).reduce((a, b) => a + b, 0)).toBe(total);
  });
});
