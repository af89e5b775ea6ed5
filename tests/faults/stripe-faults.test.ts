// Stripe answering 500s and timing out, on the paths that take money (a licensee's customer and
// Checkout Session, a staff refund) and on a run's payouts at scale. Each request the portal makes
// carries an idempotency key, and each payout is looked up before it is made: whatever fails and
// is retried, the test double (reached through the real SDK) must hold exactly one customer,
// session, refund or transfer per intent. payouts-faults.test.ts covers each payout fault alone on
// three payees; here they are mixed over many. Faults are armed for this file's own objects only
// (`match`): the double is shared by every test file.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { refundLicense } from "@/server/licensing/refund-license";
import { startCheckout } from "@/server/licensing/start-checkout";
import { payDistributionRun } from "@/server/payouts/pay-distribution-run";
import { stripeClient } from "@/server/stripe/client";
import { createOrganization, createOrganizationWithPeople, createStaffActor } from "../factories";
import { completeLicenseeProfile, deliver, eventsForSession, payOnDouble } from "../factories/licensing";
import { armStripeFault, createApprovedRun, createConnectedAccount } from "../factories/payouts";
import { faultScale, recordFigures } from "./support/figures";

const double = (path: string) =>
  fetch(`${process.env.STRIPE_DOUBLE_URL}${path}`, { headers: { authorization: "Bearer sk_test_local_double" } }).then((r) => r.json() as Promise<{ data: Array<Record<string, unknown>> }>);

describe("Stripe failing on the license's money paths", () => {
  it("one customer, one Checkout Session and one refund, through a timeout and 500s on each", async () => {
    const people = await createOrganizationWithPeople("LICENSEE");
    const organizationId = people.organization.id;
    await completeLicenseeProfile(organizationId, people.owner.user.id);
    // The customer is made, but its answer comes after the SDK's 10 s timeout: the SDK's retry
    // (same idempotency key) gets the saved answer. The session: three 500s, more than the SDK's
    // two retries, so the first click fails; the second click must not make a second session.
    await armStripeFault({ path: "/v1/customers", method: "POST", mode: "timeout", count: 1, delayMs: 10_500, match: { metadata: { organizationId } } });
    await armStripeFault({ path: "/v1/checkout/sessions", method: "POST", mode: "500", count: 3, match: { metadata: { organizationId } } });

    await expect(startCheckout(people.owner.actor, { organizationId })).rejects.toMatchObject({ type: "StripeAPIError", statusCode: 500 });
    const pendingAfterFailure = await db.licenseGrant.findFirstOrThrow({ where: { organizationId } });
    expect([pendingAfterFailure.status, pendingAfterFailure.stripeCheckoutSessionId]).toEqual(["PENDING_PAYMENT", null]);
    const started = await startCheckout(people.member.actor, { organizationId });
    expect(started.grantId).toBe(pendingAfterFailure.id);

    const profile = await db.licenseeProfile.findUniqueOrThrow({ where: { organizationId } });
    const customers = (await double(`/v1/customers?email=${encodeURIComponent(people.owner.user.email)}&limit=100`)).data;
    expect(customers.map((c) => c.id)).toEqual([profile.stripeCustomerId]);
    const sessions = (await double(`/v1/checkout/sessions?customer=${profile.stripeCustomerId}&limit=100`)).data;
    expect(sessions).toHaveLength(1);
    expect(await db.licenseGrant.count({ where: { organizationId } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: started.grantId, action: "license.checkout_started" } })).toBe(1);

    await payOnDouble(started.url);
    await deliver((await eventsForSession(String(sessions[0]!.id), "checkout.session.completed"))[0]!);
    const grant = await db.licenseGrant.findUniqueOrThrow({ where: { id: started.grantId }, include: { payments: true } });
    expect([grant.status, grant.payments.length]).toEqual(["ACTIVE", 1]);
    const intent = await stripeClient().paymentIntents.retrieve(grant.payments[0]!.stripePaymentIntentId!);

    // A refund while Stripe answers 500 three times: staff see it refused and send the same form again.
    const admin = await createStaffActor("ADMIN");
    const form = { grantId: grant.id, reason: "Fault test: refunded through 500s.", requestKey: randomUUID(), amount: "100.00", effect: "SHORTEN" as const, endsOn: new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10) };
    await armStripeFault({ path: "/v1/refunds", method: "POST", mode: "500", count: 3, match: { metadata: { grantId: grant.id } } });
    await expect(refundLicense(admin, form)).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db.refund.count({ where: { grantId: grant.id } })).toBe(0);
    await refundLicense(admin, form);
    // Sent a third time: refused (the term it shortens has already moved), nothing refunded again.
    await expect(refundLicense(admin, form)).rejects.toMatchObject({ code: expect.stringMatching(/^(CONFLICT|VALIDATION)$/) });
    const refunds = (await double(`/v1/refunds?payment_intent=${intent.id}`)).data;
    expect(refunds.map((r) => r.amount)).toEqual([10_000]);
    expect(await db.refund.count({ where: { grantId: grant.id } })).toBe(1);
    recordFigures("stripe-license-paths", { customerTimeouts: 1, session500s: 3, refund500s: 3, customers: customers.length, sessions: sessions.length, refunds: refunds.length, payments: grant.payments.length });
  }, 60_000);

  it("a 500 Stripe saved under the key is not replayed to the next click, and a session whose answer was lost is offered again", async () => {
    const people = await createOrganizationWithPeople("LICENSEE");
    const organizationId = people.organization.id;
    await completeLicenseeProfile(organizationId, people.owner.user.id);
    // The 500 happened while Stripe ran the request, so Stripe keeps it for the key: the SDK's
    // retries get it again, and so would the next click if it used the same key.
    await armStripeFault({ path: "/v1/checkout/sessions", method: "POST", mode: "500-saved", count: 1, match: { metadata: { organizationId } } });
    await expect(startCheckout(people.owner.actor, { organizationId })).rejects.toMatchObject({ type: "StripeAPIError", statusCode: 500 });
    const failed = await db.licenseGrant.findFirstOrThrow({ where: { organizationId } });
    expect([failed.stripeCheckoutSessionId, failed.checkoutFailures]).toEqual([null, 1]);
    const started = await startCheckout(people.owner.actor, { organizationId });
    expect(started.grantId).toBe(failed.id);
    const { stripeCustomerId } = await db.licenseeProfile.findUniqueOrThrow({ where: { organizationId } });
    expect((await double(`/v1/checkout/sessions?customer=${stripeCustomerId}&limit=100`)).data).toHaveLength(1);

    // A session Stripe made for the grant but whose answer never came back (here: made directly,
    // then forgotten by the grant): the next click offers it rather than making another.
    const lost = await stripeClient().checkout.sessions.create({
      mode: "payment", customer: stripeCustomerId!, client_reference_id: failed.id, metadata: { grantId: failed.id, organizationId },
      line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: Number(failed.feeCents), product_data: { name: "Lost answer" } } }],
      success_url: "http://127.0.0.1/success", cancel_url: "http://127.0.0.1/cancel",
    });
    await stripeClient().checkout.sessions.expire((await db.licenseGrant.findUniqueOrThrow({ where: { id: failed.id } })).stripeCheckoutSessionId!);
    const again = await startCheckout(people.owner.actor, { organizationId });
    expect(again.url).toBe(lost.url);
    expect((await db.licenseGrant.findUniqueOrThrow({ where: { id: failed.id } })).stripeCheckoutSessionId).toBe(lost.id);
    expect((await double(`/v1/checkout/sessions?customer=${stripeCustomerId}&limit=100`)).data).toHaveLength(2);
    expect(await db.auditLog.count({ where: { entityId: failed.id, action: "license.checkout_started" } })).toBe(1);
  });
});

describe("Stripe failing while a run with many payees is paid", () => {
  it("pays every payee exactly once, to the cent, through 500s on creates and look-ups and answers that come too late", async () => {
    const payees = faultScale("PAYEES", 60);
    const accounts = await Promise.all(Array.from({ length: payees }, () => createConnectedAccount()));
    const organizations = await Promise.all(accounts.map(() => createOrganization("RIGHTSHOLDER")));
    const run = await createApprovedRun(accounts.map((stripeAccountId, i) => ({ organizationId: organizations[i]!.id, paidCents: 25_000n + BigInt(i * 137), stripeAccountId })));
    const payouts = await db.payout.findMany({ where: { runId: run.id }, orderBy: { id: "asc" } });

    // One payee in five: its create answers 500 once; one in seven: its look-up answers 500 once;
    // one in eleven: its transfer is made but the answer comes after the client gave up.
    const armed = { create500: 0, lookup500: 0, timeouts: 0 };
    for (const [i, payout] of payouts.entries()) {
      if (i % 5 === 1) {
        armed.create500++;
        await armStripeFault({ path: "/v1/transfers", method: "POST", mode: "500", count: 1, match: { destination: payout.stripeAccountId! } });
      }
      if (i % 7 === 2) {
        armed.lookup500++;
        await armStripeFault({ path: "/v1/transfers", method: "GET", mode: "500", count: 1, match: { transfer_group: payout.id } });
      }
      if (i % 11 === 4) {
        armed.timeouts++;
        await armStripeFault({ path: "/v1/transfers", method: "POST", mode: "timeout", count: 1, delayMs: 1_200, match: { destination: payout.stripeAccountId! } });
      }
    }

    // The job's attempts, back to back (the queue would space them out with backoff).
    const settings = { stripeRequest: { maxNetworkRetries: 0, timeout: 400 } };
    let passes = 0;
    let outcome = null;
    while (passes < 20) {
      passes++;
      outcome = await payDistributionRun(run.id, settings).catch(() => null);
      if (outcome?.status === "PAID") break;
    }
    expect(outcome?.status).toBe("PAID");

    const after = await db.payout.findMany({ where: { runId: run.id } });
    expect(after.every((p) => p.status === "PAID")).toBe(true);
    let transferred = 0n;
    let foundInStripe = 0;
    for (const payout of after) {
      const transfers = (await stripeClient().transfers.list({ transfer_group: payout.id, limit: 10 })).data;
      expect(transfers, `transfers of payout ${payout.id}`).toHaveLength(1);
      expect([transfers[0]!.id, transfers[0]!.amount, transfers[0]!.destination]).toEqual([payout.stripeTransferId, Number(payout.amountCents), payout.stripeAccountId]);
      transferred += BigInt(transfers[0]!.amount);
      const destination = (await stripeClient().transfers.list({ destination: payout.stripeAccountId!, limit: 10 })).data;
      expect(destination).toHaveLength(1);
    }
    for (const row of await db.auditLog.findMany({ where: { action: "payout.paid", entityId: { in: after.map((p) => p.id) } }, select: { after: true } })) {
      if ((row.after as { wasFoundInStripe?: boolean }).wasFoundInStripe) foundInStripe++;
    }
    expect(transferred).toBe(run.paidCents);
    expect(await db.auditLog.count({ where: { action: "payout.paid", entityId: { in: after.map((p) => p.id) } } })).toBe(payees);
    // Every answer that came too late was a transfer Stripe had made: found by the look-up, not made again.
    expect(foundInStripe).toBeGreaterThanOrEqual(armed.timeouts);
    recordFigures("stripe-payouts-at-scale", { payees, ...armed, jobPasses: passes, transfers: after.length, foundInStripe, transferredCents: transferred, payableCents: run.paidCents });
  }, 90_000);
});
