// Demo data for a first run and for the end-to-end tests: one account per role, a licensee and a
// rightsholder organisation, a small repertoire, the participation agreement, a price schedule,
// the licensee's active license, its usage report for this quarter (two lines wait in the staff
// queue) and the default settings. Accounts go through the real use cases, so they obey the same rules.
// Run with `tsx --conditions=react-server` (server modules import "server-only").
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { isbn13CheckDigit, issnCheckDigit } from "../src/lib/identifiers";
import { termFrom } from "../src/lib/licensing/term";
import { normalizeTitle } from "../src/lib/titles";
import { seedDistributions } from "./seed-distribution";
import { seedUsageReport } from "./seed-usage";

export const DEMO_PASSWORD = "clearway-demo";

export const DEMO_ACCOUNTS = [
  { role: "Staff admin", email: "admin@demo.clearway.test", name: "Ada Admin" },
  { role: "Staff analyst", email: "analyst@demo.clearway.test", name: "Alan Analyst" },
  { role: "Licensee owner", email: "licensee@demo.clearway.test", name: "Lena Licensee" },
  { role: "Rightsholder owner", email: "rightsholder@demo.clearway.test", name: "Rita Rightsholder" },
] as const;

function isbn13(first12: string): string {
  return first12 + isbn13CheckDigit(first12);
}

const DEMO_WORKS = [
  ["The Cartographer's Daughter", ["Mira Okafor"], "BOOK", 2019],
  ["A Short History of Tides", ["Jonas Lind"], "BOOK", 2021],
  ["Soil, Salt and Rain", ["Priya Raman", "Tom Weller"], "BOOK", 2017],
  ["Notes on Quiet Machines", ["Ines Duarte"], "BOOK", 2023],
  ["The Glass Orchard", ["Hugo Marsh"], "BOOK", 2015],
  ["Field Guide to Northern Moths", ["K. Albrecht"], "BOOK", 2020],
  ["Measuring the Unmeasured", ["Dana Cho"], "BOOK", 2022],
  ["Letters from the Lighthouse", ["Ruth Evans"], "BOOK", 2012],
] as const;

/**
 * `distributions: false` leaves out Lumen Robotics and its two quarters' runs: the large dataset
 * (scripts/seed-large.ts) calculates and approves those quarters itself, over its own usage, and
 * runs are approved in quarter order.
 */
export async function seedDemoIfEmpty(databaseUrl: string, options: { distributions?: boolean } = {}) {
  process.env.DATABASE_URL = databaseUrl;
  const { db } = await import("../src/server/db");
  const accounts = DEMO_ACCOUNTS.map((a) => ({ role: a.role, email: a.email, password: DEMO_PASSWORD }));
  if ((await db.user.count()) > 0) return { seeded: false, accounts };

  const { SYSTEM } = await import("../src/server/auth/actor");
  const { signUp } = await import("../src/server/accounts/sign-up");
  const { createStaffUser } = await import("../src/server/staff/create-staff-user");
  const { DEFAULT_SETTINGS } = await import("../src/server/settings/defaults");
  const [admin, analyst, licensee, rightsholder] = DEMO_ACCOUNTS;
  const context = { ip: "127.0.0.1" };

  await createStaffUser(SYSTEM, { email: admin.email, name: admin.name, role: "ADMIN", password: DEMO_PASSWORD });
  await createStaffUser(SYSTEM, { email: analyst.email, name: analyst.name, role: "ANALYST", password: DEMO_PASSWORD });
  const northwind = await signUp(
    { email: licensee.email, name: licensee.name, password: DEMO_PASSWORD, organizationName: "Northwind AI Labs", organizationKind: "LICENSEE" },
    context,
  );
  const rights = await signUp(
    { email: rightsholder.email, name: rightsholder.name, password: DEMO_PASSWORD, organizationName: "Harbour Lane Press", organizationKind: "RIGHTSHOLDER" },
    context,
  );
  // Meridian Academic's owner (not a demo sign-in: the password is random) for its pending review.
  const meridian = await signUp(
    { email: "alex.moreno@meridian.example", name: "Alex Moreno", password: randomBytes(18).toString("base64url"), organizationName: "Meridian Academic", organizationKind: "RIGHTSHOLDER" },
    context,
  );

  await db.$transaction(async (tx) => {
    const epoch = new Date("2020-01-01T00:00:00Z");
    await tx.setting.createMany({
      data: Object.entries(DEFAULT_SETTINGS).map(([key, value]) => ({ key, value, effectiveFrom: epoch, reason: "Initial defaults" })),
    });
    await tx.participationAgreement.create({
      data: {
        version: "2026-01",
        title: "Participation agreement for the collective AI training license",
        body: "The rightsholder authorises the operator to license the enrolled works, non-exclusively, for the AI purposes it permits per work, and to distribute the license fees, less the administrative fee, as royalties.",
        publishedAt: epoch,
      },
    });
    const agreement = await tx.participationAgreement.findUniqueOrThrow({ where: { version: "2026-01" } });
    // A complete, approved participant: agreement accepted, profile, payout account, W-8BEN-E.
    await tx.agreementAcceptance.create({ data: { organizationId: rights.organization.id, agreementId: agreement.id, userId: rights.user.id, ip: "127.0.0.1" } });
    await tx.rightsholderProfile.update({
      where: { organizationId: rights.organization.id },
      data: {
        legalName: "Harbour Lane Press Ltd", country: "GB", status: "APPROVED", submittedAt: new Date(), approvedAt: new Date(), isTaxDomestic: false,
        stripeAccountId: "acct_demoHarbourLanePress", payoutsEnabled: true,
        taxFormType: "W8BEN_E", taxFormSignedOn: new Date("2026-01-15T00:00:00Z"), taxFormValid: true,
      },
    });
    // One more rightsholder, complete and waiting for review, so the staff queue has work in it.
    await tx.agreementAcceptance.create({ data: { organizationId: meridian.organization.id, agreementId: agreement.id, userId: meridian.user.id, ip: "127.0.0.1" } });
    await tx.rightsholderProfile.update({
      where: { organizationId: meridian.organization.id },
      data: {
        legalName: "Meridian Academic Publishing Inc.", country: "US", contactName: "Dr. Alex Moreno", contactEmail: "rights@meridian.example",
        status: "PENDING_APPROVAL", submittedAt: new Date(), isTaxDomestic: true, stripeAccountId: "acct_demoMeridianAcademic", payoutsEnabled: true,
        taxFormType: "W9", taxFormSignedOn: new Date("2026-03-02T00:00:00Z"), taxFormValid: true,
      },
    });
    await tx.licenseeProfile.updateMany({
      data: {
        legalName: "Northwind AI Labs Inc.", country: "US", industryGroup: "TECHNOLOGY", employeeCount: 120,
        aiSystemsDescription: "Northwind Assist, a customer-support assistant fine-tuned on product manuals and offered to our clients; a retrieval service over licensed trade journals.",
        lawfulContentAttestedAt: new Date(), attestedById: northwind.user.id,
      },
    });
    const plan = await tx.plan.create({
      data: {
        code: "AITL-ANNUAL",
        name: "AI Systems Training License",
        description: "Annual license to use the repertoire for training AI systems used outside the licensee's organisation.",
      },
    });
    const schedule = await tx.priceSchedule.create({
      data: {
        planId: plan.id,
        effectiveFrom: epoch,
        smallOrgMaxEmployees: 50,
        flatBands: { create: [{ maxEmployees: 10, feeCents: 150_000n }, { maxEmployees: 50, feeCents: 450_000n }] },
        industryRates: {
          create: [
            { industryGroup: "TECHNOLOGY", perEmployeeCents: 12_000n },
            { industryGroup: "FINANCIAL_SERVICES", perEmployeeCents: 11_000n },
            { industryGroup: "HEALTHCARE_LIFE_SCIENCES", perEmployeeCents: 10_000n },
            { industryGroup: "MEDIA_PUBLISHING", perEmployeeCents: 8_000n },
            { industryGroup: "PROFESSIONAL_SERVICES", perEmployeeCents: 9_000n },
            { industryGroup: "EDUCATION_RESEARCH", perEmployeeCents: 4_000n },
            { industryGroup: "GOVERNMENT_NONPROFIT", perEmployeeCents: 3_000n },
            { industryGroup: "OTHER", perEmployeeCents: 7_000n },
          ],
        },
        countryFactors: { create: [{ country: "*", factorBps: 10_000 }, { country: "IN", factorBps: 6_000 }, { country: "BR", factorBps: 7_000 }] },
      },
    });
    // Northwind bought its license a month ago (card, through the Stripe test double's flow): the
    // demo's coverage checks answer "covered" for the demo repertoire.
    const term = termFrom(new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10));
    await tx.licenseGrant.create({
      data: {
        licenseNumber: `AITL-${term.startsOn.slice(0, 4)}-NRTHWD`,
        verificationCode: randomBytes(15).toString("base64url"),
        organizationId: northwind.organization.id,
        planId: plan.id,
        priceScheduleId: schedule.id,
        status: "ACTIVE",
        feeCents: 1_440_000n,
        quotedEmployeeCount: 120,
        quotedIndustryGroup: "TECHNOLOGY",
        quotedCountry: "US",
        startsOn: new Date(`${term.startsOn}T00:00:00Z`),
        endsOn: new Date(`${term.endsOn}T00:00:00Z`),
        termDays: term.termDays,
        activatedAt: new Date(`${term.startsOn}T10:00:00Z`),
        createdById: northwind.user.id,
        payments: {
          create: { organizationId: northwind.organization.id, amountCents: 1_440_000n, status: "SUCCEEDED", paidAt: new Date(`${term.startsOn}T10:00:00Z`), stripePaymentIntentId: "pi_demoNorthwindAnnual" },
        },
      },
    });
    await tx.notification.create({
      data: { userId: northwind.user.id, title: `License AITL-${term.startsOn.slice(0, 4)}-NRTHWD is active`, body: "Payment received: the repertoire is covered for 12 months.", href: "/licensee", createdAt: new Date(`${term.startsOn}T10:00:00Z`) },
    });
    for (const [index, [title, contributors, type, year]] of DEMO_WORKS.entries()) {
      await tx.work.create({
        data: {
          rightsholderId: rights.organization.id,
          title,
          normalizedTitle: normalizeTitle(title),
          contributors: [...contributors],
          type,
          language: "en",
          publicationYear: year,
          publisher: "Harbour Lane Press",
          identifiers: { create: [{ type: "ISBN13", value: isbn13(`978190000${String(index).padStart(3, "0")}`) }] },
        },
      });
    }
  });
  await seedWorkVariety({ userId: rights.user.id, organizationId: rights.organization.id });
  await seedDispute(isbn13("978190000004"));
  await seedUsageReport(northwind.organization.id, northwind.user.id);
  if (options.distributions !== false) {
    const staffAdmin = await db.user.findUniqueOrThrow({ where: { email: admin.email }, select: { id: true } });
    await seedDistributions(staffAdmin.id, isbn13);
  }
  return { seeded: true, accounts };
}

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * More kinds of works for the works pages: a journal (ISSN), an article (DOI), a news page (URL),
 * narrower purposes, a scheduled exclusion, and a work co-owned 60/40 with a second approved
 * rightsholder. Enrolled through the real use cases as the demo rightsholder, so each has a history.
 */
async function seedWorkVariety(rightsholder: { userId: string; organizationId: string }) {
  const { db } = await import("../src/server/db");
  const { loadUserActor } = await import("../src/server/auth/load-actor");
  const { createWork } = await import("../src/server/works/create-work");
  const { setCoOwners } = await import("../src/server/works/set-co-owners");
  const partner = await db.organization.create({
    data: {
      kind: "RIGHTSHOLDER",
      name: "Fernhill Editions",
      rightsholderProfile: { create: { legalName: "Fernhill Editions SARL", country: "FR", status: "APPROVED", approvedAt: new Date() } },
    },
  });
  const user = await db.user.findUniqueOrThrow({ where: { id: rightsholder.userId }, select: { sessionVersion: true } });
  const actor = await loadUserActor(rightsholder.userId, user.sessionVersion, "127.0.0.1");
  if (!actor) throw new Error("The demo rightsholder cannot act");
  const works = [
    { title: "Northern Coastal Studies", type: "JOURNAL", language: "en", publicationYear: 2018, publisher: "Harbour Lane Press",
      identifiers: [`2049-363${issnCheckDigit("2049363")}`], contributors: ["Editorial board"] },
    { title: "Tidal Patterns in Estuarine Sediments", type: "JOURNAL_ARTICLE", language: "en", publicationYear: 2022, publisher: "Harbour Lane Press",
      identifiers: ["10.5555/hlp.ncs.2022.0147"], contributors: ["Jonas Lind", "Mei Tanaka"], purposes: ["TRAIN", "FINE_TUNE"] },
    { title: "Harbour Lane Dispatch: Autumn Notes", type: "NEWS", language: "en", publicationYear: 2025,
      identifiers: ["https://harbourlane.example/dispatch/autumn-notes"], contributors: ["Ruth Evans"], purposes: ["RAG"] },
    { title: "The Salt Road", type: "BOOK", language: "en", publicationYear: 2016, publisher: "Harbour Lane Press",
      identifiers: [isbn13("978190000100")], contributors: ["Hugo Marsh"], excludedFrom: daysFromNow(45) },
    { title: "Les Marées d'hiver", type: "BOOK", language: "fr", publisher: "Harbour Lane Press",
      identifiers: [isbn13("978190000101")], contributors: ["Claire Dubois"] },
  ];
  for (const work of works) await createWork(actor, { organizationId: rightsholder.organizationId, work });
  const coOwned = await createWork(actor, {
    organizationId: rightsholder.organizationId,
    work: { title: "Atlas of Small Harbours", type: "BOOK", language: "en", publicationYear: 2024, publisher: "Harbour Lane Press",
      identifiers: [isbn13("978190000102")], contributors: ["Priya Raman", "Léa Fournier"] },
  });
  await setCoOwners(actor, {
    workId: coOwned.workId,
    owners: [{ organizationId: rightsholder.organizationId, share: "60" }, { organizationId: partner.id, share: "40" }],
  });
}

/**
 * An open enrollment dispute for the disputes pages: another rightsholder, Lantern Books, enrolls
 * "The Glass Orchard" with the ISBN Harbour Lane Press already holds.
 */
async function seedDispute(heldIsbn: string) {
  const { db } = await import("../src/server/db");
  const { SYSTEM } = await import("../src/server/auth/actor");
  const { withPgTransaction } = await import("../src/server/pg");
  const { mergeWorks } = await import("../src/server/works/merge-works");
  const { parseWork } = await import("../src/lib/works/work-input");
  const lantern = await db.organization.create({
    data: {
      kind: "RIGHTSHOLDER",
      name: "Lantern Books",
      rightsholderProfile: { create: { legalName: "Lantern Books Ltd", country: "GB", contactName: "Sam Reed", contactEmail: "rights@lantern.example", status: "APPROVED", approvedAt: new Date() } },
    },
  });
  const parsed = parseWork({ title: "The Glass Orchard", contributors: ["Hugo Marsh"], type: "BOOK", publicationYear: "2015", language: "en", publisher: "Lantern Books", identifiers: [heldIsbn] });
  if (!parsed.ok) throw new Error("The seeded disputed work is invalid");
  await withPgTransaction((client) =>
    mergeWorks(client, { organizationId: lantern.id, actor: SYSTEM, source: { kind: "form" }, rows: [{ ref: 1, work: parsed.work }], today: new Date().toISOString().slice(0, 10) }),
  );
}

// `npm run db:seed`: seeds the database in DATABASE_URL.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set.");
    process.exit(1);
  }
  const result = await seedDemoIfEmpty(url);
  console.log(result.seeded ? "Seeded demo data." : "The database already has users; nothing seeded.");
  for (const a of result.accounts) console.log(`  ${a.role.padEnd(20)} ${a.email}  /  ${a.password}`);
  process.exit(0);
}
