// Who may do what with webhooks (owners manage, members and staff read, another organisation
// sees nothing), secrets shown once and stored encrypted, the events each kind may choose, and
// the URL rules with the reason for each refusal under the field.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createWebhookEndpoint } from "@/server/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/server/webhooks/delete-webhook-endpoint";
import { resendWebhookDelivery } from "@/server/webhooks/resend-webhook-delivery";
import { rollWebhookSecret } from "@/server/webhooks/roll-webhook-secret";
import { sendTestWebhook } from "@/server/webhooks/send-test-webhook";
import { setWebhookEndpointEnabled } from "@/server/webhooks/set-webhook-endpoint-enabled";
import { updateWebhookEndpoint } from "@/server/webhooks/update-webhook-endpoint";
import { isNonPublicAddress } from "@/server/webhooks/webhook-address";
import { decryptSigningSecret } from "@/server/webhooks/webhook-secrets";
import { webhookUrlPolicy, webhookUrlProblem, type Resolver } from "@/server/webhooks/webhook-url";
import { getWebhookDelivery, getWebhookEndpoint, listWebhookDeliveries, listWebhookEndpoints } from "@/server/webhooks/webhooks.queries";
import { createOrganizationWithPeople, createStaffActor } from "../factories";

const URL = "http://127.0.0.1:9/hooks";

async function world() {
  const licensee = await createOrganizationWithPeople("LICENSEE");
  const other = await createOrganizationWithPeople("LICENSEE");
  const organizationId = licensee.organization.id;
  const created = await createWebhookEndpoint(licensee.owner.actor, { organizationId, url: URL, events: ["license.activated", "usage_report.processed"] });
  const target = { organizationId, endpointId: created.id };
  await sendTestWebhook(licensee.owner.actor, target);
  const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: created.id } });
  await db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "FAILED", nextAttemptAt: null, finishedAt: new Date() } });
  return { licensee, other, organizationId, created, target, deliveryRef: { organizationId, deliveryId: delivery.id.toString() } };
}

describe("webhook access", () => {
  it("shows the secret once, stores it encrypted, and never returns it from a read", async () => {
    const { created, licensee, target } = await world();
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secretEncrypted).not.toContain(created.secret.slice(6));
    expect(decryptSigningSecret(row.secretEncrypted)).toBe(created.secret);
    const reads = JSON.stringify([await listWebhookEndpoints(licensee.member.actor, target.organizationId), await getWebhookEndpoint(licensee.member.actor, target)]);
    expect(reads).not.toContain(created.secret);
    expect(reads).not.toContain(row.secretEncrypted);
    const audit = await db.auditLog.findMany({ where: { entityId: created.id } });
    expect(JSON.stringify(audit.map((a) => a.after))).not.toMatch(/whsec_|v1\./);
  });

  it("lets members and staff read, and only owners change anything", async () => {
    const { licensee, target, deliveryRef } = await world();
    const readers = [licensee.owner.actor, licensee.member.actor, await createStaffActor("ADMIN"), await createStaffActor("ANALYST")];
    for (const reader of readers) {
      expect(await listWebhookEndpoints(reader, target.organizationId)).toHaveLength(1);
      expect((await listWebhookDeliveries(reader, target)).deliveries).toHaveLength(1);
      expect(await getWebhookDelivery(reader, deliveryRef)).toMatchObject({ eventType: "webhook.test", payload: expect.stringContaining('"type":"webhook.test"') });
    }
    for (const refused of readers.slice(1)) {
      const forbidden = { code: "FORBIDDEN" };
      await expect(createWebhookEndpoint(refused, { organizationId: target.organizationId, url: `${URL}/2`, events: ["license.activated"] })).rejects.toMatchObject(forbidden);
      await expect(updateWebhookEndpoint(refused, { ...target, events: ["license.expiring"] })).rejects.toMatchObject(forbidden);
      await expect(rollWebhookSecret(refused, target)).rejects.toMatchObject(forbidden);
      await expect(setWebhookEndpointEnabled(refused, { ...target, isEnabled: false })).rejects.toMatchObject(forbidden);
      await expect(sendTestWebhook(refused, target)).rejects.toMatchObject(forbidden);
      await expect(resendWebhookDelivery(refused, deliveryRef)).rejects.toMatchObject(forbidden);
      await expect(deleteWebhookEndpoint(refused, target)).rejects.toMatchObject(forbidden);
    }
    await updateWebhookEndpoint(licensee.owner.actor, { ...target, description: "Billing system", events: ["license.expiring"] });
    expect(await getWebhookEndpoint(licensee.member.actor, target)).toMatchObject({ events: ["license.expiring"], description: "Billing system" });
    await deleteWebhookEndpoint(licensee.owner.actor, target);
    expect(await db.webhookDelivery.count({ where: { endpointId: target.endpointId } })).toBe(0);
  });

  it("refuses another organisation: its own id finds nothing, this one's id is forbidden", async () => {
    const { other, target, deliveryRef } = await world();
    const stranger = other.owner.actor;
    const theirs = { organizationId: other.organization.id, endpointId: target.endpointId };
    await expect(listWebhookEndpoints(stranger, target.organizationId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getWebhookEndpoint(stranger, theirs)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getWebhookDelivery(stranger, { ...deliveryRef, organizationId: other.organization.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listWebhookDeliveries(stranger, theirs)).deliveries).toEqual([]);
    await expect(rollWebhookSecret(stranger, theirs)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setWebhookEndpointEnabled(stranger, { ...theirs, isEnabled: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(sendTestWebhook(stranger, theirs)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(resendWebhookDelivery(stranger, { ...deliveryRef, organizationId: other.organization.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteWebhookEndpoint(stranger, theirs)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateWebhookEndpoint(stranger, { ...theirs, events: ["license.expiring"] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: target.endpointId } })).toMatchObject({ isEnabled: true });
  });

  it("offers each kind of organisation its own events only", async () => {
    const rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
    const licensee = await createOrganizationWithPeople("LICENSEE");
    await expect(createWebhookEndpoint(licensee.owner.actor, { organizationId: licensee.organization.id, url: URL, events: ["statement.ready"] })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { events: [expect.stringMatching(/"statement.ready" can't be sent/)] } });
    await expect(createWebhookEndpoint(licensee.owner.actor, { organizationId: licensee.organization.id, url: URL, events: [] })).rejects.toMatchObject({ name: "ZodError" });
    const made = await createWebhookEndpoint(rightsholder.owner.actor, { organizationId: rightsholder.organization.id, url: URL, events: ["statement.ready", "import.finished", "import.finished"] });
    expect(made.events).toEqual(["import.finished", "statement.ready"]);
    await expect(createWebhookEndpoint(rightsholder.owner.actor, { organizationId: rightsholder.organization.id, url: URL, events: ["import.finished"] })).rejects.toMatchObject({ fieldErrors: { url: [expect.stringMatching(/exists/)] } });
  });
});

describe("endpoint URLs", () => {
  const refusal = async (url: string) => {
    const { owner, organization } = await createOrganizationWithPeople("LICENSEE");
    const outcome = await createWebhookEndpoint(owner.actor, { organizationId: organization.id, url, events: ["license.activated"] }).catch((e: unknown) => e);
    return (outcome as { fieldErrors?: { url?: string[] } }).fieldErrors?.url?.[0] ?? "accepted";
  };

  it("outside production allows http only for localhost, and never credentials", async () => {
    expect(await refusal("http://localhost:4000/hooks")).toBe("accepted");
    expect(await refusal("https://hooks.example.com/clearway")).toBe("accepted");
    expect(await refusal("http://hooks.example.com/clearway")).toMatch(/plain http is accepted only for localhost/);
    expect(await refusal("https://user:secret@hooks.example.com/")).toMatch(/Remove the user name and password/);
    expect(await refusal("ftp://hooks.example.com/")).toMatch(/Use an https:\/\/ URL/);
    expect(await refusal("hooks.example.com/clearway")).toMatch(/Enter a full URL/);
  });

  it("in production requires https to a public address, resolved", async () => {
    const dns: Record<string, string[]> = { "hooks.example.com": ["93.184.216.34"], "inside.example.com": ["93.184.216.34", "10.1.2.3"], "meta.example.com": ["169.254.169.254"], "v6.example.com": ["fd00::1"] };
    const resolve: Resolver = async (host) => {
      if (!dns[host]) throw new Error("ENOTFOUND");
      return dns[host];
    };
    const problem = (url: string) => webhookUrlProblem(url, { policy: "production", resolve });
    expect(await problem("https://hooks.example.com/clearway")).toBeNull();
    expect(await problem("http://hooks.example.com/clearway")).toMatch(/Use an https:\/\/ URL/);
    expect(await problem("https://localhost/hooks")).toMatch(/public host name/);
    expect(await problem("https://intranet/hooks")).toMatch(/public host name/);
    expect(await problem("https://10.0.0.5/hooks")).toMatch(/private or reserved/);
    expect(await problem("https://[::ffff:127.0.0.1]/hooks")).toMatch(/private or reserved/);
    // URL parsing turns other spellings of an IPv4 address into the dotted one first.
    expect(await problem("https://0x0a000005/hooks")).toMatch(/private or reserved/);
    expect(await problem("https://inside.example.com/hooks")).toMatch(/points to a private or reserved address \(10\.1\.2\.3\)/);
    expect(await problem("https://meta.example.com/hooks")).toMatch(/169\.254\.169\.254/);
    expect(await problem("https://v6.example.com/hooks")).toMatch(/fd00::1/);
    expect(await problem("https://missing.example.com/hooks")).toMatch(/could not be found/);
  });

  it("is strict in production unless the portal itself runs on localhost (the e2e build)", () => {
    const saved = { NODE_ENV: process.env.NODE_ENV, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
    const env = process.env as Record<string, string | undefined>;
    try {
      expect(webhookUrlPolicy()).toBe("local");
      env.NODE_ENV = "production";
      env.NEXTAUTH_URL = "https://portal.clearway.example";
      expect(webhookUrlPolicy()).toBe("production");
      delete env.NEXTAUTH_URL;
      expect(webhookUrlPolicy()).toBe("production");
      env.NEXTAUTH_URL = "http://localhost:3100";
      expect(webhookUrlPolicy()).toBe("local");
    } finally {
      env.NODE_ENV = saved.NODE_ENV;
      if (saved.NEXTAUTH_URL === undefined) delete env.NEXTAUTH_URL;
      else env.NEXTAUTH_URL = saved.NEXTAUTH_URL;
    }
  });

  it("tells public addresses from the rest", () => {
    for (const address of ["127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1", "fc00::1", "::ffff:10.0.0.1", "::ffff:a00:1", "64:ff9b::a00:1", "2001:db8::1", "not an address"]) {
      expect(isNonPublicAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
      expect(isNonPublicAddress(address), address).toBe(false);
    }
  });
});
