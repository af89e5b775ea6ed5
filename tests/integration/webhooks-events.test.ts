// Events are written in the transaction of the change they report (a rolled-back change leaves
// none), once, from each real code path, with a body that matches its documented schema and a
// delivery per enabled endpoint that listens for it.
import { beforeAll, describe, expect, it } from "vitest";
import { todayUtc } from "@/lib/works/work-input";
import { db } from "@/server/db";
import { runWorksImport } from "@/server/imports/run-works-import";
import { runLicenseLifecycle } from "@/server/licensing/run-license-lifecycle";
import { startCheckout } from "@/server/licensing/start-checkout";
import { stripeClient } from "@/server/stripe/client";
import { notifyStatementsReady } from "@/server/payouts/notify-statements-ready";
import { runUsageReport } from "@/server/usage/run-usage-report";
import { startUsageReportFromJson } from "@/server/usage/start-usage-report";
import { emitWebhookEvent } from "@/server/webhooks/emit-webhook-event";
import { pruneWebhookHistory } from "@/server/webhooks/prune-webhook-history";
import { setWebhookEndpointEnabled } from "@/server/webhooks/set-webhook-endpoint-enabled";
import { WEBHOOK_ENVELOPES, type WebhookBodyType, type WebhookEventType } from "@/server/webhooks/webhook-events";
import { createOrganizationWithPeople } from "../factories";
import { CSV_HEADER, csvLine, setUpTempImportStorage, uploadWorksFile } from "../factories/imports";
import { completeLicenseeProfile, createActiveGrant, deliver, eventsForSession, payOnDouble } from "../factories/licensing";
import { createApprovedRun } from "../factories/payouts";
import { createTestEndpoint } from "../factories/webhooks";
import { uniqueIsbn } from "../factories/works";

beforeAll(() => {
  setUpTempImportStorage();
});

// Never contacted: these tests look at the rows, the delivery tests send.
const URL_A = "http://127.0.0.1:9/a";
const URL_B = "http://127.0.0.1:9/b";

async function orgWithEndpoints(kind: "LICENSEE" | "RIGHTSHOLDER", events: WebhookEventType[]) {
  const people = await createOrganizationWithPeople(kind);
  const listening = await createTestEndpoint(people.owner.actor, people.organization.id, URL_A, events);
  return { ...people, organizationId: people.organization.id, listening };
}

/** The organisation's events of a type, each body parsed against its documented schema. */
async function eventsOf(organizationId: string, type: WebhookBodyType) {
  const events = await db.webhookEvent.findMany({ where: { organizationId, type }, orderBy: { createdAt: "asc" }, include: { deliveries: true } });
  return events.map((e) => ({ ...e, body: WEBHOOK_ENVELOPES[type].parse(e.payload) as { id: string; data: Record<string, unknown> } }));
}

describe("the outbox", () => {
  it("writes the event with the change, and a rolled-back change leaves no event", async () => {
    const org = await orgWithEndpoints("LICENSEE", ["license.activated", "license.expiring"]);
    const other = await createTestEndpoint(org.owner.actor, org.organizationId, URL_B, ["license.expiring"]);
    const disabled = await createTestEndpoint(org.owner.actor, org.organizationId, `${URL_B}/off`, ["license.activated"]);
    await setWebhookEndpointEnabled(org.owner.actor, { organizationId: org.organizationId, endpointId: disabled.id, isEnabled: false });
    const grant = await createActiveGrant(org.organizationId);

    await expect(
      db.$transaction(async (tx) => {
        await tx.licenseGrant.update({ where: { id: grant.id }, data: { statusReason: "changed" } });
        expect(await emitWebhookEvent(tx, { organizationId: org.organizationId, type: "license.activated", data: { object: "license" } as never })).toMatchObject({ deliveries: 1 });
        throw new Error("the change fails after the event was written");
      }),
    ).rejects.toThrow(/change fails/);
    expect(await db.webhookEvent.count({ where: { organizationId: org.organizationId } })).toBe(0);
    expect(await db.webhookDelivery.count({ where: { organizationId: org.organizationId } })).toBe(0);

    const emitted = await db.$transaction((tx) => emitWebhookEvent(tx, { organizationId: org.organizationId, type: "license.activated", data: { object: "license" } as never }));
    const deliveries = await db.webhookDelivery.findMany({ where: { eventId: emitted!.eventId } });
    // Only the enabled endpoint that listens for the type: not `other` (another type), not `disabled`.
    expect(deliveries.map((d) => d.endpointId)).toEqual([org.listening.id]);
    expect(deliveries[0]).toMatchObject({ status: "PENDING", attempts: 0, eventType: "license.activated" });
    expect(other.id).not.toBe(org.listening.id);
    expect(await db.job.count({ where: { name: "webhooks.deliver", status: "QUEUED" } })).toBeGreaterThan(0);
  });

  it("writes nothing for an organisation nobody listens for", async () => {
    const people = await createOrganizationWithPeople("LICENSEE");
    const grant = await createActiveGrant(people.organization.id);
    const emitted = await db.$transaction((tx) => emitWebhookEvent(tx, { organizationId: people.organization.id, type: "license.activated", data: () => Promise.reject(new Error(`not loaded for ${grant.id}`)) }));
    expect(emitted).toBeNull();
    expect(await db.webhookEvent.count({ where: { organizationId: people.organization.id } })).toBe(0);
  });
});

describe("history", () => {
  it("is removed after 30 days, except an event with a delivery still pending", async () => {
    const org = await orgWithEndpoints("LICENSEE", ["license.activated"]);
    const old = new Date(Date.now() - 31 * 86_400_000);
    const made = [];
    for (const status of ["SUCCEEDED", "PENDING"] as const) {
      const event = await db.webhookEvent.create({ data: { organizationId: org.organizationId, type: "webhook.test", payload: {}, createdAt: old } });
      await db.webhookDelivery.create({ data: { organizationId: org.organizationId, endpointId: org.listening.id, eventId: event.id, eventType: event.type, status, ...(status === "PENDING" ? {} : { nextAttemptAt: null, finishedAt: old }) } });
      made.push(event.id);
    }
    const recent = await db.$transaction((tx) => emitWebhookEvent(tx, { organizationId: org.organizationId, type: "license.activated", data: { object: "license" } as never }));
    expect(await pruneWebhookHistory()).toBeGreaterThanOrEqual(1);
    const left = await db.webhookEvent.findMany({ where: { organizationId: org.organizationId }, select: { id: true } });
    expect(left.map((e) => e.id).sort()).toEqual([made[1]!, recent!.eventId].sort());
    expect(await db.webhookDelivery.count({ where: { eventId: made[0]! } })).toBe(0);
  });
});

describe("each event from its real code path, once", () => {
  it("license.activated when a Checkout payment clears (and not again on a redelivery)", async () => {
    const org = await orgWithEndpoints("LICENSEE", ["license.activated"]);
    await completeLicenseeProfile(org.organizationId, org.owner.user.id);
    const started = await startCheckout(org.owner.actor, { organizationId: org.organizationId });
    const grant = await db.licenseGrant.findUniqueOrThrow({ where: { id: started.grantId } });
    await payOnDouble(started.url);
    const [completed] = await eventsForSession(grant.stripeCheckoutSessionId!, "checkout.session.completed");
    await deliver(completed!);
    await deliver(completed!);
    const events = await eventsOf(org.organizationId, "license.activated");
    expect(events).toHaveLength(1);
    expect(events[0]!.body.data).toMatchObject({ object: "license", id: grant.id, licenseNumber: grant.licenseNumber, status: "ACTIVE", startsOn: todayUtc(), feeCents: grant.feeCents.toString(), currency: "USD", autoRenew: false, links: { api: null, portal: expect.stringMatching(/\/licensee$/) } });
    expect(events[0]!.deliveries).toHaveLength(1);
    expect(await stripeClient().checkout.sessions.retrieve(grant.stripeCheckoutSessionId!)).toMatchObject({ status: "complete" });
  });

  it("license.expiring with the reminder, once", async () => {
    const org = await orgWithEndpoints("LICENSEE", ["license.expiring"]);
    const today = todayUtc();
    const endsOn = new Date(Date.parse(`${today}T00:00:00Z`) + 20 * 86_400_000).toISOString().slice(0, 10);
    const grant = await createActiveGrant(org.organizationId, { startsOn: "2025-06-01", endsOn });
    await runLicenseLifecycle(today);
    await runLicenseLifecycle(today);
    const events = await eventsOf(org.organizationId, "license.expiring");
    expect(events.map((e) => e.body.data)).toMatchObject([{ object: "license", id: grant.id, status: "ACTIVE", endsOn, daysLeft: 20, renewsAutomatically: false }]);
  });

  it("import.finished when a works import completes, once", async () => {
    const org = await orgWithEndpoints("RIGHTSHOLDER", ["import.finished"]);
    const csv = `${CSV_HEADER}\n${csvLine({ isbn: uniqueIsbn(), title: "Webhook Import One" })}\n${csvLine({ isbn: "978000000000", title: "Bad isbn" })}\n`;
    const started = await uploadWorksFile(org.owner.actor, org.organizationId, "hooks.csv", csv);
    expect(await runWorksImport(started.id)).toBe("completed");
    await runWorksImport(started.id);
    const events = await eventsOf(org.organizationId, "import.finished");
    expect(events.map((e) => e.body.data)).toEqual([
      {
        object: "works_import", id: started.id, status: "COMPLETED", format: "CSV", fileName: "hooks.csv", rows: 2,
        counts: { created: 1, updated: 0, unchanged: 0, rejected: 1, disputed: 0 }, errorMessage: null,
        links: { api: null, portal: expect.stringMatching(new RegExp(`/rightsholder/imports/${started.id}$`)) },
      },
    ]);
  });

  it("usage_report.processed when a report is processed, and usage_report.failed when it can't be", async () => {
    const org = await orgWithEndpoints("LICENSEE", ["usage_report.processed", "usage_report.failed"]);
    await createActiveGrant(org.organizationId, { startsOn: "2026-01-15", endsOn: "2027-01-15" });
    const started = await startUsageReportFromJson(org.owner.actor, { organizationId: org.organizationId, body: { quarter: "2026Q3", lines: [{ identifier: uniqueIsbn(), purpose: "TRAIN", units: 10 }, { identifier: "nope", purpose: "TRAIN", units: 1 }] } });
    expect(await runUsageReport(started.id)).toBe("processed");
    const processed = await eventsOf(org.organizationId, "usage_report.processed");
    expect(processed.map((e) => e.body.data)).toMatchObject([
      { object: "usage_report", id: started.id, quarter: "2026Q3", status: "PROCESSED", source: "API", counts: { lines: 2, accepted: 1, rejected: 1, summed: 0 }, links: { api: expect.stringMatching(new RegExp(`/api/v1/usage-reports/${started.id}$`)) } },
    ]);

    const lost = await db.usageReport.create({ data: { organizationId: org.organizationId, quarter: "2026Q2", source: "FILE", status: "RECEIVED", fileName: "gone.csv", storagePath: "missing/gone.csv" } });
    expect(await runUsageReport(lost.id)).toBe("failed");
    const failed = await eventsOf(org.organizationId, "usage_report.failed");
    expect(failed.map((e) => e.body.data)).toMatchObject([{ id: lost.id, status: "FAILED", source: "FILE", errorMessage: expect.stringMatching(/no longer in storage/) }]);
  });

  it("statement.ready for each statement of an approved run, once", async () => {
    const org = await orgWithEndpoints("RIGHTSHOLDER", ["statement.ready"]);
    const quiet = await createOrganizationWithPeople("RIGHTSHOLDER");
    const run = await createApprovedRun([
      { organizationId: org.organizationId, paidCents: 30_000n, withheldCents: 2_000n, stripeAccountId: "acct_not_called" },
      { organizationId: quiet.organization.id, paidCents: 0n, carriedOutCents: 4_000n },
    ]);
    await notifyStatementsReady(run.id, { batchSize: 1 });
    await notifyStatementsReady(run.id);
    const statement = await db.statement.findUniqueOrThrow({ where: { runId_rightsholderId: { runId: run.id, rightsholderId: org.organizationId } } });
    const events = await eventsOf(org.organizationId, "statement.ready");
    expect(events.map((e) => e.body.data)).toMatchObject([
      { object: "statement", id: statement.id, runId: run.id, quarter: run.quarter, paidCents: "30000", withheldCents: "2000", carriedOutCents: "0", links: { api: expect.stringMatching(new RegExp(`/api/v1/statements/${statement.id}$`)), portal: expect.stringMatching(new RegExp(`/rightsholder/statements/${statement.id}$`)) } },
    ]);
    expect(await db.webhookEvent.count({ where: { organizationId: quiet.organization.id } })).toBe(0);
  });
});
