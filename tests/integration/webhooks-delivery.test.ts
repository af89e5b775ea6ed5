// Sending webhooks to a real receiver on 127.0.0.1 that fails first: retries with backoff,
// timeouts, every attempt logged, signatures that verify (with both secrets during a roll, and
// with the Node sample the portal shows), the last attempt ending FAILED, resend, redirects.
import { createHmac, timingSafeEqual } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { VERIFY_FUNCTION_SAMPLE } from "@/components/webhooks/verification-sample";
import { db } from "@/server/db";
import { deliverDueWebhooks } from "@/server/webhooks/deliver-webhooks";
import { resendWebhookDelivery } from "@/server/webhooks/resend-webhook-delivery";
import { deleteWebhookEndpoint } from "@/server/webhooks/delete-webhook-endpoint";
import { rollWebhookSecret } from "@/server/webhooks/roll-webhook-secret";
import { sendWebhook } from "@/server/webhooks/send-webhook";
import { sendTestWebhook } from "@/server/webhooks/send-test-webhook";
import { setWebhookEndpointEnabled } from "@/server/webhooks/set-webhook-endpoint-enabled";
import { WEBHOOK_ENVELOPES } from "@/server/webhooks/webhook-events";
import { verifyWebhookSignature } from "@/server/webhooks/webhook-signature";
import { MAX_DELIVERY_ATTEMPTS, RETRY_DELAYS_MINUTES } from "@/server/webhooks/webhooks.schema";
import { createOrganizationWithPeople } from "../factories";
import { createTestEndpoint, deliveriesOf, makeDue, startReceiver, type ReceiverStep, type TestReceiver } from "../factories/webhooks";

const receivers: TestReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const isFromClearway = new Function("createHmac", "timingSafeEqual", `${VERIFY_FUNCTION_SAMPLE}\nreturn isFromClearway;`)(createHmac, timingSafeEqual) as (body: string, header: string, secret: string) => boolean;

async function setUp(script: ReceiverStep[] = []) {
  const licensee = await createOrganizationWithPeople("LICENSEE");
  const receiver = await startReceiver(script);
  receivers.push(receiver);
  const endpoint = await createTestEndpoint(licensee.owner.actor, licensee.organization.id, receiver.url, ["license.activated"]);
  const target = { organizationId: licensee.organization.id, endpointId: endpoint.id };
  const deliver = (options: { timeoutMs?: number } = {}) => deliverDueWebhooks({ endpointIds: [endpoint.id], timeoutMs: options.timeoutMs ?? 2_000, policy: "local" });
  return { licensee, receiver, endpoint, target, deliver, owner: licensee.owner.actor };
}

const MINUTE = 60_000;

describe("delivering to an endpoint that fails first", () => {
  it("retries a 500 and a timeout with backoff, logs each attempt, then succeeds; every request is signed", async () => {
    const { receiver, endpoint, target, deliver, owner } = await setUp([500, "hang", 200]);
    const { eventId } = await sendTestWebhook(owner, target);

    expect(await deliver()).toEqual({ attempted: 1, succeeded: 0, retrying: 1, failed: 0 });
    let [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 1, lastResponseStatus: 500, lastError: "The endpoint answered 500." });
    expect(delivery!.nextAttemptAt!.getTime() - delivery!.lastAttemptAt!.getTime()).toBeGreaterThanOrEqual(RETRY_DELAYS_MINUTES[0] * MINUTE);
    expect(delivery!.nextAttemptAt!.getTime() - delivery!.lastAttemptAt!.getTime()).toBeLessThan(RETRY_DELAYS_MINUTES[0] * MINUTE + 5_000);

    // Not due yet: nothing is sent.
    expect(await deliver()).toMatchObject({ attempted: 0 });
    expect(receiver.requests).toHaveLength(1);

    await makeDue(endpoint.id);
    expect(await deliver({ timeoutMs: 400 })).toMatchObject({ attempted: 1, retrying: 1 });
    [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 2, lastResponseStatus: null, lastError: "No answer within 0.4 s (timed out)." });
    expect(delivery!.nextAttemptAt!.getTime() - delivery!.lastAttemptAt!.getTime()).toBeGreaterThanOrEqual(RETRY_DELAYS_MINUTES[1] * MINUTE);

    await makeDue(endpoint.id);
    expect(await deliver()).toMatchObject({ attempted: 1, succeeded: 1 });
    [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 3, lastResponseStatus: 200, lastError: null, nextAttemptAt: null, finishedAt: expect.any(Date) });
    expect(delivery!.deliveryAttempts.map((a) => [a.attemptNumber, a.responseStatus, a.responseBody, a.error === null])).toEqual([
      [1, 500, "receiver error", true],
      [2, null, null, false],
      [3, 200, "ok", true],
    ]);
    expect(delivery!.deliveryAttempts[1]!.durationMs).toBeGreaterThanOrEqual(350);

    expect(receiver.requests).toHaveLength(3);
    const { secret } = endpoint;
    for (const request of receiver.requests) {
      expect(request).toMatchObject({ method: "POST", headers: { "content-type": "application/json", "user-agent": "Clearway-Webhooks/1", "clearway-event-id": eventId, "clearway-event-type": "webhook.test" } });
      // The same bytes every time, so the receiver can de-duplicate and the signature stays checkable.
      expect(request.body).toBe(receiver.requests[0]!.body);
      const header = String(request.headers["clearway-signature"]);
      expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifyWebhookSignature(request.body, header, secret)).toBe(true);
      expect(isFromClearway(request.body, header, secret)).toBe(true);
      expect(verifyWebhookSignature(request.body, header, "whsec_wrong")).toBe(false);
      expect(isFromClearway(`${request.body} `, header, secret)).toBe(false);
    }
    const body = WEBHOOK_ENVELOPES["webhook.test"].parse(JSON.parse(receiver.requests[0]!.body));
    expect(body).toMatchObject({ id: eventId, type: "webhook.test", organizationId: target.organizationId, data: { object: "webhook_test", endpointId: endpoint.id } });
  });

  it("marks the delivery FAILED after the last attempt, about a day after the first", async () => {
    expect(RETRY_DELAYS_MINUTES.reduce((a, b) => a + b, 0)).toBe(24 * 60);
    const { receiver, endpoint, target, deliver, owner } = await setUp(Array<ReceiverStep>(MAX_DELIVERY_ATTEMPTS + 2).fill(503));
    await sendTestWebhook(owner, target);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      await makeDue(endpoint.id);
      const outcome = await deliver();
      expect(outcome).toMatchObject({ attempted: 1, [attempt < MAX_DELIVERY_ATTEMPTS ? "retrying" : "failed"]: 1 });
      const [d] = await deliveriesOf(endpoint.id);
      if (d!.nextAttemptAt) waits.push(Math.round((d!.nextAttemptAt.getTime() - d!.lastAttemptAt!.getTime()) / MINUTE));
    }
    expect(waits).toEqual([...RETRY_DELAYS_MINUTES]);
    const [failed] = await deliveriesOf(endpoint.id);
    expect(failed).toMatchObject({ status: "FAILED", attempts: MAX_DELIVERY_ATTEMPTS, nextAttemptAt: null, lastResponseStatus: 503 });
    expect(failed!.deliveryAttempts).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    await makeDue(endpoint.id);
    expect(await deliver()).toMatchObject({ attempted: 0 });
    expect(receiver.requests).toHaveLength(MAX_DELIVERY_ATTEMPTS);
  });

  it("signs with both secrets while a rolled secret overlaps, then with the new one only", async () => {
    const { receiver, endpoint, target, deliver, owner } = await setUp();
    const rolled = await rollWebhookSecret(owner, target);
    expect(rolled.secret).toMatch(/^whsec_/);
    expect(rolled.secret).not.toBe(endpoint.secret);
    expect(rolled.previousSecretExpiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);

    await sendTestWebhook(owner, target);
    await deliver();
    const during = receiver.requests[0]!;
    const header = String(during.headers["clearway-signature"]);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    for (const secret of [rolled.secret, endpoint.secret]) {
      expect(verifyWebhookSignature(during.body, header, secret)).toBe(true);
      expect(isFromClearway(during.body, header, secret)).toBe(true);
    }

    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { previousSecretExpiresAt: new Date(Date.now() - 1_000) } });
    await sendTestWebhook(owner, target);
    await deliver();
    const after = receiver.requests[1]!;
    const single = String(after.headers["clearway-signature"]);
    expect(single).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(after.body, single, rolled.secret)).toBe(true);
    expect(verifyWebhookSignature(after.body, single, endpoint.secret)).toBe(false);
  });

  it("resends a finished delivery as a new one with the same event, once at a time", async () => {
    const { receiver, endpoint, target, deliver, owner } = await setUp([500]);
    const { eventId } = await sendTestWebhook(owner, target);
    const [pending] = await deliveriesOf(endpoint.id);
    const ref = { organizationId: target.organizationId, deliveryId: pending!.id.toString() };
    await expect(resendWebhookDelivery(owner, ref)).rejects.toMatchObject({ code: "CONFLICT" });
    // Seven attempts already failed: the next (a 500) is the last.
    await db.webhookDelivery.update({ where: { id: pending!.id }, data: { attempts: MAX_DELIVERY_ATTEMPTS - 1 } });
    await deliver();
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: "FAILED" });

    const { deliveryId } = await resendWebhookDelivery(owner, ref);
    await expect(resendWebhookDelivery(owner, ref)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already waiting/) });
    receiver.requests.length = 0;
    await deliver();
    const [original, resent] = await deliveriesOf(endpoint.id);
    expect(original).toMatchObject({ status: "FAILED" });
    expect(resent).toMatchObject({ id: BigInt(deliveryId), eventId, resentFromId: pending!.id, status: "SUCCEEDED", attempts: 1 });
    expect(receiver.requests[0]!.headers["clearway-event-id"]).toBe(eventId);
    expect(await db.job.count({ where: { name: "webhooks.deliver", singletonKey: { startsWith: "webhooks.deliver@" } } })).toBeGreaterThan(0);
  });

  it("does not follow redirects, and disabling an endpoint ends its waiting deliveries", async () => {
    const { receiver, endpoint, target, deliver, owner } = await setUp([{ status: 302, headers: { location: "/elsewhere" } }]);
    await sendTestWebhook(owner, target);
    await deliver();
    expect(receiver.requests.map((r) => r.path)).toEqual([new URL(receiver.url).pathname]);
    const [redirected] = await deliveriesOf(endpoint.id);
    expect(redirected).toMatchObject({ status: "PENDING", lastResponseStatus: 302, lastError: expect.stringMatching(/redirects are not followed/) });

    await setWebhookEndpointEnabled(owner, { ...target, isEnabled: false });
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: "FAILED", lastError: expect.stringMatching(/disabled/) });
    await expect(sendTestWebhook(owner, target)).rejects.toMatchObject({ code: "VALIDATION" });
    await setWebhookEndpointEnabled(owner, { ...target, isEnabled: true });
    await makeDue(endpoint.id);
    expect(await deliver()).toMatchObject({ attempted: 0 });
  });

  it("under the production policy refuses plain http and private addresses without sending", async () => {
    const { receiver, endpoint, target, owner } = await setUp();
    await sendTestWebhook(owner, target);
    await deliverDueWebhooks({ endpointIds: [endpoint.id], policy: "production" });
    expect(receiver.requests).toHaveLength(0);
    const [refused] = await deliveriesOf(endpoint.id);
    expect(refused).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringMatching(/^Not sent: Use an https:\/\/ URL/) });
  });

  it("checks the address where it connects: a public-looking name that resolves inside is refused in production", async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const port = new URL(receiver.url).port;
    const inside = async () => [{ address: "127.0.0.1", family: 4 }];
    const request = { url: `https://hooks.example.com:${port}/x`, body: "{}", headers: {}, resolve: inside, timeoutMs: 2_000 };
    const refused = await sendWebhook({ ...request, policy: "production" });
    expect(refused).toMatchObject({ status: null, error: "hooks.example.com resolves to a private or reserved address (127.0.0.1); not sent." });
    // The same request where private addresses are allowed gets as far as the socket (and fails
    // there: the receiver speaks plain http), so it was the address check that stopped it above.
    const local = await sendWebhook({ ...request, policy: "local" });
    expect(local.error).toMatch(/^Could not connect/);
    expect(receiver.requests).toHaveLength(0);
  });

  it("copes with an endpoint deleted while its delivery is in flight", async () => {
    const { receiver, endpoint, target, deliver, owner } = await setUp(["hang"]);
    await sendTestWebhook(owner, target);
    const running = deliver({ timeoutMs: 500 });
    while (receiver.requests.length === 0) await new Promise((r) => setTimeout(r, 20));
    await deleteWebhookEndpoint(owner, target);
    expect(await running).toMatchObject({ attempted: 1, succeeded: 0, retrying: 0, failed: 0 });
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
  });
});
