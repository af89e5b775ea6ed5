// Hostile form input against use cases that write (operator settings, price schedules, webhook
// endpoints, a person's name) and hostile cursors and searches against the read models behind the
// pages, on a real database: a write either succeeds with text the database holds or is refused
// (AppError or ZodError, each message a sentence) with the actor's rows unchanged; a read answers
// or refuses, never with the database's own error.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { isStorableText } from "@/lib/storable-text";
import { updateProfile } from "@/server/accounts/update-profile";
import { listAuditLog } from "@/server/audit/audit.queries";
import { db } from "@/server/db";
import { listRunPayouts, listRunStatements } from "@/server/distribution/run-rows.queries";
import { AppError } from "@/server/errors";
import { listLicensesForStaff } from "@/server/licensing/staff-licenses.queries";
import { listOrganizationsForStaff } from "@/server/organizations/staff-organizations.queries";
import { createPriceSchedule } from "@/server/pricing/create-price-schedule";
import { withdrawPriceSchedule } from "@/server/pricing/withdraw-price-schedule";
import { searchPublicRepertoire } from "@/server/repertoire/public-repertoire.queries";
import { searchWorksForStaff } from "@/server/repertoire/staff-work-search";
import { addSettingValue } from "@/server/settings/add-setting-value";
import { SETTING_KEYS } from "@/server/settings/settings.schema";
import { withdrawSettingValue } from "@/server/settings/withdraw-setting-value";
import { statementLinesPage } from "@/server/statements/statement-lines-page";
import { listUsageQueue } from "@/server/usage/list-usage-queue";
import { createWebhookEndpoint } from "@/server/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/server/webhooks/delete-webhook-endpoint";
import { listWorks } from "@/server/works/works.queries";
import { getDisputeForStaff } from "@/server/disputes/disputes.queries";
import { listMonitoredJobs } from "@/server/jobs/staff-jobs.queries";
import { markNotificationsRead } from "@/server/notifications/mark-notifications-read";
import { getRightsholderForReview } from "@/server/participation/participation.queries";
import { getRightsholderStanding } from "@/server/repertoire/staff-rightsholder.queries";
import { getStatementDisputeForStaff } from "@/server/statements/statement-disputes.queries";
import { parseWorksFilters } from "@/server/works/works.schema";
import { createOrganizationWithPeople, createStaffActor } from "../factories";
import { uniquePastQuarter } from "../factories/distribution";
import { ensureLicensePlan, futureScheduleDraft } from "../factories/pricing";
import { createStatementRun } from "../factories/statements";
import { createWork } from "../factories/works";
import { hostileJson, hostileText, longRun, mutated } from "../hostile/support/arbitraries";
import { asyncRefusalOf, expectClearMessage, hostileAsyncProperty, hostileTimeout, recordHostileCases } from "../hostile/support/hostile";

recordHostileCases(import.meta.filename);

type Actor = Awaited<ReturnType<typeof createStaffActor>>;
let admin: Actor;
let rightsholder: Awaited<ReturnType<typeof createOrganizationWithPeople>>;
let runId: string;
let statementId: string;

beforeAll(async () => {
  admin = await createStaffActor("ADMIN");
  rightsholder = await createOrganizationWithPeople("RIGHTSHOLDER");
  await ensureLicensePlan();
  const work = await createWork(rightsholder.organization.id, { title: "Hostile use cases" });
  const quarter = await uniquePastQuarter();
  const made = await createStatementRun({ quarter: quarter.code, statements: [{ rightsholderId: rightsholder.organization.id, lines: [{ workId: work.id, title: "Hostile line", allocations: [{ amountCents: 900n, adminFeeCents: 159n, units: 3n }] }] }] });
  runId = made.run.id;
  statementId = made.statements[0]!.id;
});

/** The refusal's messages, whichever documented type it is. */
function messagesOf(refusal: Error): string[] {
  if (refusal instanceof ZodError) return refusal.issues.map((i) => i.message);
  const fieldErrors = (refusal as AppError).fieldErrors ?? {};
  return [refusal.message, ...Object.values(fieldErrors).flat()];
}

const text = fc.oneof({ weight: 3, arbitrary: hostileText(60) }, { weight: 2, arbitrary: mutated(fc.constantFrom("A reason of some words", "Harbour Lane", "Mira Okafor")) }, { weight: 1, arbitrary: longRun(1, 3_000) });
// Days far ahead, so a value that is accepted can never be in force for another test; and days that are not days.
const futureDay = fc.oneof(fc.integer({ min: 0, max: 3_000 }).map((n) => new Date(Date.UTC(2032, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)), fc.constantFrom("2032-02-30", "2032-02-29", "2033-02-29", "2032-13-01", "2032-00-10", " 2032-05-05 "), hostileText(12));

type Case =
  | { kind: "setting"; key: string; value: string; effectiveFrom: string; reason: string }
  | { kind: "schedule"; effectiveFrom: string; field: "smallOrgMaxEmployees" | "band" | "rate" | "factor"; value: string }
  | { kind: "webhook"; url: string; description: string; events: unknown }
  | { kind: "name"; name: string };

const hostileCase: fc.Arbitrary<Case> = fc.oneof(
  fc.record({ kind: fc.constant("setting" as const), key: fc.oneof(fc.constantFrom(...SETTING_KEYS), hostileText(20)), value: fc.oneof(mutated(fc.constantFrom("17.25", "300.00", "06-30", "20")), hostileText(10)), effectiveFrom: futureDay, reason: text }),
  fc.record({ kind: fc.constant("schedule" as const), effectiveFrom: futureDay, field: fc.constantFrom("smallOrgMaxEmployees" as const, "band" as const, "rate" as const, "factor" as const), value: fc.oneof(mutated(fc.constantFrom("50", "1,600", "75.50", "100")), hostileText(12)) }),
  fc.record({ kind: fc.constant("webhook" as const), url: fc.oneof(fc.constantFrom("http://localhost:3999/hook", "http://127.0.0.1:1/x"), mutated(fc.constant("http://localhost:3999/hook")), hostileText(40)), description: text, events: fc.oneof(fc.constant(["usage_report.processed"]), hostileJson()) }),
  fc.record({ kind: fc.constant("name" as const), name: text }),
);

/** Rows the admin and the rightsholder's owner can have written. */
async function counts() {
  return {
    settings: await db.setting.count({ where: { createdById: admin.userId } }),
    schedules: await db.priceSchedule.count({ where: { createdById: admin.userId } }),
    endpoints: await db.webhookEndpoint.count({ where: { organizationId: rightsholder.organization.id } }),
    audit: await db.auditLog.count({ where: { actorUserId: { in: [admin.userId, rightsholder.owner.actor.userId] } } }),
  };
}

/** Runs one case; on success checks what was stored and takes it back (withdraw, delete). */
async function run(c: Case): Promise<void> {
  switch (c.kind) {
    case "setting": {
      const created = await addSettingValue(admin, { key: c.key as (typeof SETTING_KEYS)[number], value: c.value, effectiveFrom: c.effectiveFrom, reason: c.reason });
      const row = await db.setting.findUniqueOrThrow({ where: { id: created.id } });
      expect(isStorableText(row.reason ?? "")).toBe(true);
      expect(row.effectiveFrom.toISOString().slice(0, 10)).toBe(c.effectiveFrom.trim());
      await withdrawSettingValue(admin, { settingId: created.id, reason: "Hostile input test" });
      return;
    }
    case "schedule": {
      const draft = futureScheduleDraft({ effectiveFrom: c.effectiveFrom });
      if (c.field === "smallOrgMaxEmployees") draft.smallOrgMaxEmployees = c.value;
      if (c.field === "band") draft.bands[0]!.fee = c.value;
      if (c.field === "rate") draft.rates.TECHNOLOGY = c.value;
      if (c.field === "factor") draft.factors[1]!.percent = c.value;
      const created = await createPriceSchedule(admin, draft, "2026-06-01");
      const row = await db.priceSchedule.findUniqueOrThrow({ where: { id: created.id } });
      expect(row.effectiveFrom.toISOString().slice(0, 10), "the schedule starts on the day typed").toBe(c.effectiveFrom.trim());
      await withdrawPriceSchedule(admin, { scheduleId: created.id }, "2026-06-01");
      return;
    }
    case "webhook": {
      const created = await createWebhookEndpoint(rightsholder.owner.actor, { organizationId: rightsholder.organization.id, url: c.url, description: c.description, events: c.events as string[] });
      await deleteWebhookEndpoint(rightsholder.owner.actor, { organizationId: rightsholder.organization.id, endpointId: created.id });
      return;
    }
    case "name": {
      await updateProfile(rightsholder.owner.actor, { name: c.name });
      const user = await db.user.findUniqueOrThrow({ where: { id: rightsholder.owner.actor.userId } });
      expect(isStorableText(user.name)).toBe(true);
      return;
    }
  }
}

describe("use cases that write, under hostile form input", () => {
  // Found by this property: NUL in a reason, a name or a description passed every schema and
  // PostgreSQL refused the write ("Something went wrong" on the form; a refund's reason would
  // have failed after Stripe had refunded). And a price schedule "from 2032-02-30" was published
  // from 1 March, as Date.parse reads that day.
  const REGRESSIONS: Case[] = [
    { kind: "setting", key: "distribution.adminFeeBps", value: "17.25", effectiveFrom: "2032-03-03", reason: "bad \u0000 reason" },
    { kind: "name", name: "Mira \u0000 Okafor" },
    { kind: "webhook", url: "http://localhost:3999/hook", description: "half \ud800 a pair", events: ["usage_report.processed"] },
    { kind: "schedule", effectiveFrom: "2032-02-30", field: "band", value: "1,600" },
  ];

  it("store storable text, or refuse with sentences and leave the rows as they were", async () => {
    const outcomes = { accepted: 0, refused: 0 };
    await hostileAsyncProperty("form use cases", hostileCase, async (c) => {
      const before = await counts();
      const refusal = await asyncRefusalOf(() => run(c), AppError, ZodError);
      if (!refusal) {
        outcomes.accepted++;
        return;
      }
      outcomes.refused++;
      for (const message of messagesOf(refusal)) expectClearMessage(message, c);
      expect(await counts(), "a refused case wrote rows").toEqual(before);
    }, { numRuns: 250, budgetMs: 1_000, examples: REGRESSIONS });
    expect(outcomes.accepted).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, hostileTimeout(300_000));

  it("refuses the regressions under their field", async () => {
    await expect(run(REGRESSIONS[0]!)).rejects.toMatchObject({ fieldErrors: { reason: [expect.stringMatching(/can't be saved/)] } });
    await expect(run(REGRESSIONS[3]!)).rejects.toMatchObject({ fieldErrors: { effectiveFrom: [expect.any(String)] } });
  });
});

describe("read models behind the pages, under hostile cursors and searches", () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value) ?? "null").toString("base64url");
  const token = fc.oneof(
    hostileText(40),
    fc.tuple(hostileText(20), fc.oneof(fc.uuid(), fc.integer(), fc.constant(2 ** 40))).map(b64),
    fc.tuple(fc.oneof(fc.integer(), fc.constant(1e300), fc.constant(null)), fc.oneof(fc.nat(), fc.constant(2 ** 40))).map(b64),
    fc.tuple(hostileText(20), fc.bigInt({ min: 0n, max: 10n ** 20n })).map(([key, id]) => b64({ key, id: String(id) })),
    fc.tuple(fc.constantFrom("2026-01-01T00:00:00.000", "2026-44-44T44:44:44.444"), hostileText(20)).map(([at, key]) => b64([at, `title:${key}|`])),
    fc.bigInt({ min: 0n, max: 10n ** 20n }).map((id) => `1700000000000.${id}`),
  );
  type Read = { kind: number; search: string; cursor: string };
  const read = fc.record({ kind: fc.nat(15), search: fc.oneof(hostileText(40), longRun(1, 1_000), fc.constantFrom("-".repeat(36), "00000000-0000-0000-0000-000000000000")), cursor: token });
  const REGRESSIONS: Read[] = [
    { kind: 0, search: "", cursor: b64(["a\u0000", 1]) },
    { kind: 1, search: "", cursor: "1700000000000.9999999999999999999" },
    { kind: 2, search: "", cursor: b64(["2026-44-44T44:44:44.444", "title:x|"]) },
    { kind: 3, search: "", cursor: b64(["a\u0000", "00000000-0000-0000-0000-000000000000"]) },
    { kind: 5, search: "", cursor: b64({ key: "9999999999999999999", id: "1" }) },
    { kind: 7, search: "\u0000", cursor: "" },
    // Found by the nightly run: the run's statements search with NUL reached PostgreSQL.
    { kind: 4, search: "\u0000", cursor: "" },
    // Found by the nightly run: 36 dashes passed "[0-9a-f-]{36}" as an id and PostgreSQL refused them.
    ...[10, 11, 12, 13, 14, 15].map((kind) => ({ kind, search: "-".repeat(36), cursor: "" })),
  ];

  async function readOnce(r: Read): Promise<void> {
    switch (r.kind) {
      case 0: await listWorks(rightsholder.owner.actor, rightsholder.organization.id, parseWorksFilters({ q: r.search, sort: "title" }), { after: r.cursor }); return;
      case 1: await listAuditLog(admin, { cursor: r.cursor, actor: r.search, entityId: r.search }); return;
      case 2: await listUsageQueue(admin, { search: r.search, cursor: r.cursor }); return;
      case 3: await listRunPayouts(admin, runId, { cursor: r.cursor }); return;
      case 4: await listRunStatements(admin, runId, { search: r.search, cursor: r.cursor }); return;
      case 5: await statementLinesPage(statementId, { sort: "net", before: r.cursor }, 20); await statementLinesPage(statementId, { sort: "title", after: r.cursor }, 20); return;
      case 6: await searchPublicRepertoire(r.search); return;
      case 7: await listOrganizationsForStaff(admin, { q: r.search }); return;
      case 8: await listLicensesForStaff(admin, { q: r.search, page: r.cursor }); return;
      case 9: await searchWorksForStaff(admin, { q: r.search }); return;
      // Ids as they come from a page's URL.
      case 10: await getDisputeForStaff(admin, r.search); return;
      case 11: await getStatementDisputeForStaff(admin, r.search); return;
      case 12: await getRightsholderForReview(admin, r.search); return;
      case 13: await getRightsholderStanding(admin, r.search); return;
      case 14: await markNotificationsRead(rightsholder.owner.actor, { notificationId: r.search }); return;
      case 15: await listMonitoredJobs(admin, { cursor: `1700000000000.${r.search}` }); return;
    }
  }

  it("answer a page, or refuse with a sentence", async () => {
    await hostileAsyncProperty("page read models", read, async (r) => {
      const refusal = await asyncRefusalOf(() => readOnce(r), AppError, ZodError);
      if (refusal) for (const message of messagesOf(refusal)) expectClearMessage(message, r);
    }, { numRuns: 300, budgetMs: 1_000, examples: REGRESSIONS });
  }, hostileTimeout(300_000));
});
