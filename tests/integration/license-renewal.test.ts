import { describe, expect, it } from "vitest";
import { termFrom } from "@/lib/licensing/term";
import { todayUtc } from "@/lib/works/work-input";
import { db } from "@/server/db";
import { getLicenseOverview } from "@/server/licensing/grants.queries";
import { runLicenseLifecycle } from "@/server/licensing/run-license-lifecycle";
import { startCheckout } from "@/server/licensing/start-checkout";
import { createOrganizationWithPeople, mailsTo } from "../factories";
import { completeLicenseeProfile, createActiveGrant, deliver, eventsForSession, payOnDouble } from "../factories/licensing";

const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A licensee whose license ends `daysLeft` days from `today`. */
async function licensedFor(daysLeft: number, today = todayUtc()) {
  const people = await createOrganizationWithPeople("LICENSEE");
  await completeLicenseeProfile(people.organization.id, people.owner.user.id);
  const endsOn = shift(today, daysLeft);
  const grant = await createActiveGrant(people.organization.id, { startsOn: shift(endsOn, -365), endsOn });
  return { ...people, organizationId: people.organization.id, grant, endsOn };
}

describe("renewing a license", () => {
  it("opens 60 days before the end, and the renewal starts where the license ends, once", async () => {
    const early = await licensedFor(90);
    await expect(startCheckout(early.owner.actor, { organizationId: early.organizationId })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/renewal opens on \d{4}-\d{2}-\d{2}/) });

    const { owner, organizationId, grant, endsOn } = await licensedFor(30);
    const started = await startCheckout(owner.actor, { organizationId });
    expect((await db.licenseGrant.findUniqueOrThrow({ where: { id: started.grantId } })).previousGrantId).toBe(grant.id);
    await payOnDouble(started.url);
    const renewal = await db.licenseGrant.findUniqueOrThrow({ where: { id: started.grantId } });
    const [completed] = await eventsForSession(renewal.stripeCheckoutSessionId!, "checkout.session.completed");
    await deliver(completed!);
    const term = termFrom(endsOn);
    const active = await db.licenseGrant.findUniqueOrThrow({ where: { id: started.grantId } });
    expect(active).toMatchObject({ status: "ACTIVE", termDays: term.termDays });
    expect(active.startsOn?.toISOString().slice(0, 10)).toBe(endsOn);
    expect(active.endsOn?.toISOString().slice(0, 10)).toBe(term.endsOn);

    const overview = await getLicenseOverview(owner.actor, organizationId);
    expect(overview.active?.id).toBe(grant.id);
    expect(overview.upcoming?.id).toBe(started.grantId);
    expect(overview.canRenew).toBe(false);
    await expect(startCheckout(owner.actor, { organizationId })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already renewed/) });
  });
});

describe("the daily license job", () => {
  it("reminds 30 and 7 days before the end, once each, by mail and in the portal, and not a renewed license", async () => {
    const today = todayUtc();
    const thirty = await licensedFor(25, today);
    const seven = await licensedFor(5, today);
    const renewed = await licensedFor(20, today);
    await createActiveGrant(renewed.organizationId, { startsOn: renewed.endsOn, endsOn: shift(renewed.endsOn, 365) }).then((next) =>
      db.licenseGrant.update({ where: { id: next.id }, data: { previousGrantId: renewed.grant.id } }));

    await Promise.all([runLicenseLifecycle(today), runLicenseLifecycle(today), runLicenseLifecycle(today)]);
    await runLicenseLifecycle(today);

    const subjects = async (email: string) => (await mailsTo(email)).map((m) => m.subject).filter((s) => /ends/.test(s));
    expect(await subjects(thirty.owner.user.email)).toEqual([`License ${thirty.grant.licenseNumber} ends in 25 days`]);
    expect(await subjects(thirty.member.user.email)).toHaveLength(1);
    // Five days left: both reminders are due, and each goes once.
    expect((await subjects(seven.owner.user.email)).sort()).toEqual([`License ${seven.grant.licenseNumber} ends in 5 days`, `License ${seven.grant.licenseNumber} ends in 5 days`]);
    expect(await subjects(renewed.owner.user.email)).toEqual([]);
    expect(await db.notification.count({ where: { userId: thirty.owner.user.id, href: "/licensee" } })).toBe(1);
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: thirty.grant.id } })).toMatchObject({ reminder30SentAt: expect.any(Date), reminder7SentAt: null });
  });

  it("ends licenses on their last day, mailing those not renewed", async () => {
    const today = todayUtc();
    const ending = await licensedFor(0, today);
    const renewed = await licensedFor(0, today);
    const next = await createActiveGrant(renewed.organizationId, { startsOn: renewed.endsOn, endsOn: shift(renewed.endsOn, 365) });
    await db.licenseGrant.update({ where: { id: next.id }, data: { previousGrantId: renewed.grant.id } });

    await Promise.all([runLicenseLifecycle(today), runLicenseLifecycle(today)]);
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: ending.grant.id } })).toMatchObject({ status: "EXPIRED", expiredAt: expect.any(Date) });
    expect((await mailsTo(ending.owner.user.email)).map((m) => m.subject)).toContain(`License ${ending.grant.licenseNumber} has ended`);
    expect(await db.licenseGrant.findUniqueOrThrow({ where: { id: renewed.grant.id } })).toMatchObject({ status: "EXPIRED" });
    expect((await mailsTo(renewed.owner.user.email)).map((m) => m.subject).join()).not.toMatch(/has ended/);
    expect((await getLicenseOverview(renewed.owner.actor, renewed.organizationId)).active?.id).toBe(next.id);
    expect(await db.auditLog.count({ where: { entityId: ending.grant.id, action: "license.expired" } })).toBe(1);
  });
});
