// Paying an approved distribution run (docs/decisions/017-distribution-runs.md): one Stripe Connect
// transfer per payee, exactly once, whether the job runs twice, dies after Stripe answered, or
// Stripe fails on its side. Transfers are counted on the Stripe test double by transfer group.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { payDistributionRun } from "@/server/payouts/pay-distribution-run";
import { distributionPayJob } from "@/server/payouts/payout-jobs";
import { createOrganization } from "../factories/index";
import { createApprovedRun, createConnectedAccount, transfersOf } from "../factories/payouts";

/** `count` rightsholders with onboarded accounts, paid 30,000 + 1,000·i cents each. */
async function payees(count: number) {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => ({
      organizationId: (await createOrganization("RIGHTSHOLDER")).id,
      paidCents: 30_000n + 1_000n * BigInt(i),
      stripeAccountId: await createConnectedAccount(),
    })),
  );
}

async function payoutsOf(runId: string) {
  return db.payout.findMany({ where: { runId }, orderBy: { id: "asc" } });
}

/** Each payout has exactly one transfer on the double, for its amount, to its account, and is PAID with it. */
async function expectPaidOnce(runId: string) {
  for (const payout of await payoutsOf(runId)) {
    const transfers = await transfersOf(payout.id);
    expect(transfers, `transfers of payout ${payout.id}`).toHaveLength(1);
    expect(transfers[0]).toMatchObject({ amount: Number(payout.amountCents), currency: "usd", destination: payout.stripeAccountId, metadata: { payoutId: payout.id, runId } });
    expect([payout.status, payout.stripeTransferId, payout.paidAt !== null]).toEqual(["PAID", transfers[0]!.id, true]);
  }
}

describe("paying an approved run", () => {
  it("pays every payee once, marks the run PAID, and a second run changes nothing", async () => {
    const people = await payees(3);
    const run = await createApprovedRun([...people, { organizationId: (await createOrganization("RIGHTSHOLDER")).id, paidCents: 0n, carriedOutCents: 4_000n }]);

    const outcome = await payDistributionRun(run.id, { batchSize: 2 });
    expect(outcome).toEqual({ runId: run.id, status: "PAID", paid: 3, refused: 0, toRetry: 0 });
    await expectPaidOnce(run.id);
    const paidRun = await db.distributionRun.findUniqueOrThrow({ where: { id: run.id } });
    expect([paidRun.status, paidRun.paidAt !== null, paidRun.lastError]).toEqual(["PAID", true, null]);
    const audit = await db.auditLog.findMany({ where: { OR: [{ entityId: run.id }, { entityId: { in: (await payoutsOf(run.id)).map((p) => p.id) } }] } });
    expect(audit.map((a) => a.action).sort()).toEqual(["distribution.paid", "distribution.paying", "payout.paid", "payout.paid", "payout.paid"]);
    expect((await payoutsOf(run.id)).map((p) => p.attempts)).toEqual([1, 1, 1]);

    expect(await payDistributionRun(run.id)).toEqual({ runId: run.id, status: "PAID", paid: 0, refused: 0, toRetry: 0 });
    await expectPaidOnce(run.id);
  });

  it("is what the distribution.pay job runs, with the run from its payload", async () => {
    const run = await createApprovedRun(await payees(2));
    const payload = distributionPayJob.payload.parse({ runId: run.id });
    await distributionPayJob.handle(payload, { id: "01900000-0000-7000-8000-000000000001", attempts: 1 });
    await expectPaidOnce(run.id);
    expect(distributionPayJob.payload.safeParse({ runId: "not-a-run" }).success).toBe(false);
  });

  it("moves a run without payouts straight to PAID", async () => {
    const organization = await createOrganization("RIGHTSHOLDER");
    const run = await createApprovedRun([{ organizationId: organization.id, paidCents: 0n, carriedOutCents: 12_000n }]);
    expect(await payDistributionRun(run.id)).toMatchObject({ status: "PAID", paid: 0 });
    expect((await db.distributionRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("PAID");
  });

  it("pays nothing for a run that is not approved", async () => {
    const run = await createApprovedRun(await payees(1), { isApproved: false });
    expect(await payDistributionRun(run.id)).toEqual({ runId: run.id, status: "CALCULATED", paid: 0, refused: 0, toRetry: 0 });
    const [payout] = await payoutsOf(run.id);
    expect([payout!.status, payout!.attempts]).toEqual(["PENDING", 0]);
    expect(await transfersOf(payout!.id)).toEqual([]);
  });

  it("pays each payee once when the worker dies after Stripe answered, and the job runs again", async () => {
    const run = await createApprovedRun(await payees(3));
    const [first, second, third] = await payoutsOf(run.id);
    const killed = payDistributionRun(run.id, {
      afterTransfer: (payoutId) => {
        if (payoutId === second!.id) throw new Error("worker killed");
      },
    });
    await expect(killed).rejects.toThrow("worker killed");
    // The transfer was made; the database never heard of it.
    expect(await transfersOf(second!.id)).toHaveLength(1);
    const afterCrash = await payoutsOf(run.id);
    expect(afterCrash.map((p) => [p.id, p.status, p.stripeTransferId === null])).toEqual([
      [first!.id, "PAID", false], [second!.id, "SUBMITTED", true], [third!.id, "PENDING", true],
    ]);
    expect((await db.distributionRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("PAYING");

    expect(await payDistributionRun(run.id)).toMatchObject({ status: "PAID", paid: 2 });
    await expectPaidOnce(run.id);
    expect((await payoutsOf(run.id)).map((p) => p.attempts)).toEqual([1, 2, 1]);
    const found = await db.auditLog.findFirstOrThrow({ where: { entityId: second!.id, action: "payout.paid" } });
    expect(found.after).toMatchObject({ wasFoundInStripe: true, attempts: 2 });
  });

  it("pays once when two workers run the same run at the same time", async () => {
    const run = await createApprovedRun(await payees(4));
    // The one finishing first may see the other's payouts in flight and fail, for the job to come
    // back later; either way no payee is paid twice.
    await Promise.allSettled([payDistributionRun(run.id, { batchSize: 1 }), payDistributionRun(run.id, { batchSize: 1 })]);
    expect(await payDistributionRun(run.id)).toMatchObject({ status: "PAID" });
    await expectPaidOnce(run.id);
  });
});
