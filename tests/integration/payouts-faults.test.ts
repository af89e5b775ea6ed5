// Paying a run while Stripe fails: answers 500, answers too late (after making the transfer), or
// refuses a destination that cannot receive transfers; and staff sending a refused payout again.
// The faults are armed on the Stripe test double for this test's own accounts only (`match`).
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { payDistributionRun } from "@/server/payouts/pay-distribution-run";
import { retryPayout } from "@/server/payouts/retry-payout";
import { stripeClient } from "@/server/stripe/client";
import { actorFor, addMember, createOrganization, createStaffActor } from "../factories/index";
import { armStripeFault, createApprovedRun, createConnectedAccount, finishOnboarding, transfersOf } from "../factories/payouts";

/** No SDK retries, a short timeout: each failure reaches the job, which is what is tested here. */
const BARE = { stripeRequest: { maxNetworkRetries: 0, timeout: 1_000 } };

async function runOfThree(options: { isSecondOnboarded?: boolean } = {}) {
  const accounts = [await createConnectedAccount(), await createConnectedAccount({ isOnboarded: options.isSecondOnboarded ?? true }), await createConnectedAccount()];
  const organizations = await Promise.all(accounts.map(() => createOrganization("RIGHTSHOLDER")));
  const run = await createApprovedRun(accounts.map((stripeAccountId, i) => ({ organizationId: organizations[i]!.id, paidCents: 26_000n + BigInt(i), stripeAccountId })));
  const payouts = await db.payout.findMany({ where: { runId: run.id }, orderBy: { amountCents: "asc" } });
  return { run, accounts, organizations, payouts, second: payouts[1]! };
}

const payoutNow = (id: string) => db.payout.findUniqueOrThrow({ where: { id } });
const runNow = (id: string) => db.distributionRun.findUniqueOrThrow({ where: { id } });

async function expectEachPaidOnce(runId: string) {
  for (const payout of await db.payout.findMany({ where: { runId } })) {
    expect(await transfersOf(payout.id), `transfers of payout ${payout.id}`).toHaveLength(1);
    expect(payout.status).toBe("PAID");
  }
  expect((await runNow(runId)).status).toBe("PAID");
}

describe("paying a run while Stripe fails", () => {
  it("leaves a payout to the job's retry while Stripe answers 500, pays the others, then pays it once", async () => {
    const { run, accounts, second } = await runOfThree();
    await armStripeFault({ path: "/v1/transfers", method: "POST", mode: "500", count: 2, match: { destination: accounts[1]! } });

    await expect(payDistributionRun(run.id, BARE)).rejects.toThrow(/1 payout could not be sent yet/);
    const afterFirst = await payoutNow(second.id);
    expect([afterFirst.status, afterFirst.attempts, afterFirst.lastError]).toEqual(["SUBMITTED", 1, expect.stringContaining("api_error")]);
    expect(await db.payout.count({ where: { runId: run.id, status: "PAID" } })).toBe(2);
    expect((await runNow(run.id)).lastError).toMatch(/could not be sent yet/);

    await expect(payDistributionRun(run.id, BARE)).rejects.toThrow(/could not be sent yet/);
    expect(await payDistributionRun(run.id, BARE)).toMatchObject({ status: "PAID", paid: 1 });
    expect((await payoutNow(second.id)).attempts).toBe(3);
    await expectEachPaidOnce(run.id);
    expect((await runNow(run.id)).lastError).toBeNull();
  });

  it("rides out two 500s within one job run with the SDK's own retries (same idempotency key)", async () => {
    const { run, accounts } = await runOfThree();
    await armStripeFault({ path: "/v1/transfers", method: "POST", mode: "500", count: 2, match: { destination: accounts[1]! } });
    expect(await payDistributionRun(run.id)).toMatchObject({ status: "PAID", paid: 3 });
    await expectEachPaidOnce(run.id);
  });

  it("records the transfer Stripe made when its answer came too late, without making another", async () => {
    const { run, accounts, second } = await runOfThree();
    await armStripeFault({ path: "/v1/transfers", method: "POST", mode: "timeout", count: 1, delayMs: 2_500, match: { destination: accounts[1]! } });

    await expect(payDistributionRun(run.id, { stripeRequest: { maxNetworkRetries: 0, timeout: 500 } })).rejects.toThrow(/could not be sent yet/);
    expect((await payoutNow(second.id)).lastError).toMatch(/timeout/);
    // Stripe did make it: the double executed the request and held back the answer.
    const made = await transfersOf(second.id);
    expect(made).toHaveLength(1);

    expect(await payDistributionRun(run.id, BARE)).toMatchObject({ status: "PAID", paid: 1 });
    expect((await payoutNow(second.id)).stripeTransferId).toBe(made[0]!.id);
    await expectEachPaidOnce(run.id);
  });

  it("gets the transfer back through the SDK's retry with the same key when one answer times out", async () => {
    const { run, accounts } = await runOfThree();
    await armStripeFault({ path: "/v1/transfers", method: "POST", mode: "timeout", count: 1, delayMs: 2_500, match: { destination: accounts[1]! } });
    expect(await payDistributionRun(run.id, { stripeRequest: { maxNetworkRetries: 1, timeout: 500 } })).toMatchObject({ status: "PAID", paid: 3 });
    await expectEachPaidOnce(run.id);
  });

  it("stops after five failures in a row, Stripe being down, and leaves the rest to the job's retry", async () => {
    const accounts = await Promise.all(Array.from({ length: 7 }, () => createConnectedAccount()));
    const organizations = await Promise.all(accounts.map(() => createOrganization("RIGHTSHOLDER")));
    const run = await createApprovedRun(accounts.map((stripeAccountId, i) => ({ organizationId: organizations[i]!.id, paidCents: 25_000n + BigInt(i), stripeAccountId })));
    await armStripeFault({ path: "/v1/transfers", method: "POST", mode: "500", count: 5, match: { metadata: { runId: run.id } } });

    await expect(payDistributionRun(run.id, BARE)).rejects.toThrow(/Stripe failed 5 times in a row/);
    const statuses = (await db.payout.findMany({ where: { runId: run.id }, orderBy: { id: "asc" } })).map((p) => p.status);
    expect(statuses).toEqual(["SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "PENDING", "PENDING"]);

    expect(await payDistributionRun(run.id, BARE)).toMatchObject({ status: "PAID", paid: 7 });
    await expectEachPaidOnce(run.id);
  });
});

describe("a payout Stripe refuses", () => {
  it("is FAILED with Stripe's reason while the others are paid, and an ADMIN's retry pays it once", async () => {
    const { run, accounts, organizations, second } = await runOfThree({ isSecondOnboarded: false });
    expect(await payDistributionRun(run.id)).toMatchObject({ status: "PAYING", paid: 2, refused: 1 });
    const failed = await payoutNow(second.id);
    expect([failed.status, failed.lastError]).toEqual(["FAILED", expect.stringContaining("insufficient_capabilities_for_transfer")]);
    expect((await runNow(run.id)).lastError).toMatch(/1 payout was refused by Stripe/);
    // A repeated job run leaves the refused payout alone until staff act.
    expect(await payDistributionRun(run.id)).toMatchObject({ status: "PAYING", paid: 0, refused: 0 });
    expect((await payoutNow(second.id)).attempts).toBe(1);

    await finishOnboarding(accounts[1]!);
    // Stripe saved the refusal under the payout's first idempotency key: that key gets it again.
    const replayed = stripeClient().transfers.create(
      { amount: Number(failed.amountCents), currency: "usd", destination: accounts[1]!, transfer_group: failed.id },
      { idempotencyKey: failed.idempotencyKey },
    );
    await expect(replayed).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);

    const payeeOwner = await addMember(organizations[1]!.id, "OWNER");
    for (const actor of [await createStaffActor("ANALYST"), await actorFor(payeeOwner.user.id)]) {
      await expect(retryPayout(actor, { payoutId: second.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await payoutNow(second.id)).status).toBe("FAILED");

    const admin = await createStaffActor("ADMIN");
    expect(await retryPayout(admin, { payoutId: second.id })).toEqual({ payoutId: second.id, isNewJob: true });
    const retried = await payoutNow(second.id);
    expect([retried.status, retried.idempotencyKey]).toEqual(["PENDING", `${failed.idempotencyKey}:retry-1`]);
    const job = await db.job.findFirstOrThrow({ where: { singletonKey: `distribution.pay:${run.id}`, status: "QUEUED" } });
    expect([job.name, job.payload]).toEqual(["distribution.pay", { runId: run.id }]);
    expect(await db.auditLog.count({ where: { entityId: second.id, action: "payout.retry_requested", actorUserId: admin.userId } })).toBe(1);
    // The queued job is this test's business: the run is paid here, directly.
    await db.job.update({ where: { id: job.id }, data: { status: "CANCELLED" } });

    expect(await payDistributionRun(run.id)).toMatchObject({ status: "PAID", paid: 1 });
    await expectEachPaidOnce(run.id);
    await expect(retryPayout(admin, { payoutId: second.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses an unknown payout and a malformed id", async () => {
    const admin = await createStaffActor("ADMIN");
    await expect(retryPayout(admin, { payoutId: "01900000-0000-7000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(retryPayout(admin, { payoutId: "nope" })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
