// The large dataset's organisations and people: rightsholders (profiles, payout accounts, tax
// forms, the participation agreement, an owner each, a second member for the biggest), licensees
// (profiles, an owner each, a member for every fifth). Every bulk account has the same known
// password; its one scrypt hash is computed once and shared (a test dataset, never real people).
import type pg from "pg";
import { LICENSEE, LICENSEE_MEMBER_USER, LICENSEE_USER, RIGHTSHOLDER, RIGHTSHOLDER_USER, pick, u, uid, words, type Run } from "./sql";

export const LARGE_DOMAIN = "large.clearway.test";
export const rightsholderEmail = (n: number) => `rightsholder-${n}@${LARGE_DOMAIN}`;
export const licenseeEmail = (n: number) => `licensee-${n}@${LARGE_DOMAIN}`;

const NAME_A = `Atlas Meridian Harbour Northgate Silverline Oak Lantern Beacon Granite Willow Summit Juniper Kestrel Orchard Quarry
  Riverbend Saltmarsh Thistle Copper Amber Ivory Cobalt Heron Falcon Linden Rowan Cedar Aspen Birch Maple Hazel Fern Moss Tide Comet Delta`;
const NAME_B = `Press Books Publishing Editions Media House Academic Scholarly Review Journals News Music Letters Library`;
const FIRST = `Anna Maria James John Robert Mary David Sarah Michael Laura Thomas Emma Peter Julia Paul Sophie Daniel Clara George
  Alice Henry Lucy William Kate Richard Helen Charles Nora Ines Bjorn Chloe Mateo Lena Ivan Olga Yuki Kenji Amara Kwame Priya Arjun Wei Omar Leila`;
const LAST = `Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White Roberts Green Hall
  Wood Jackson Clarke Patel Khan Lewis Mason Mitchell Muller Schmidt Garcia Martinez Rossi Dubois Novak Kowalski Larsen Nakamura Okafor Silva Chen Singh`;
const TECH_A = `Northwind Lumen Vector Quanta Helix Cortex Nimbus Prism Axon Sable Ember Vertex Tensor Lattice Photon Orbit Signal Cipher`;
const TECH_B = `AI Labs Intelligence Systems Robotics Analytics Research Machines Cognition Models`;
const COUNTRIES = `US US US US US GB GB GB DE DE FR NL CA AU IN BR JP SE ES IT`;
const INDUSTRIES = `TECHNOLOGY TECHNOLOGY TECHNOLOGY FINANCIAL_SERVICES HEALTHCARE_LIFE_SCIENCES MEDIA_PUBLISHING PROFESSIONAL_SERVICES EDUCATION_RESEARCH GOVERNMENT_NONPROFIT OTHER`;

const el = (array: string, expr: string) => `(${array})[1 + ${pick(expr, `array_length(${array}, 1)`)}]`;
const personName = (seed: string) => `${el(words(FIRST), `${seed} * 3 + 1`)} || ' ' || ${el(words(LAST), `${seed} * 5 + 2`)}`;

/**
 * Rightsholder n's standing: the 50 biggest are all approved; of the rest, a few are waiting for
 * review, drafting, rejected or suspended. Approved ones joined 200 days to 3 years ago (sqrt: most
 * well before the usage quarters); their works count only from then on.
 */
const RH_STATUS = `CASE WHEN n <= 50 THEN 'APPROVED' WHEN n % 100 = 11 THEN 'PENDING_APPROVAL' WHEN n % 100 = 12 THEN 'DRAFT'
                        WHEN n % 200 = 13 THEN 'REJECTED' WHEN n % 200 = 113 THEN 'SUSPENDED' ELSE 'APPROVED' END`;
export const RH_JOINED = (today: string) => `(DATE '${today}' - (200 + floor(900 * sqrt(${u("n * 17 + 3")})))::int)`;

export async function seedRightsholders(run: Run, R: number, today: string, passwordHash: string, agreementId: string): Promise<void> {
  await run(`CREATE TEMP TABLE rh AS
             SELECT n, ${RIGHTSHOLDER("n")} AS id, ${el(words(NAME_A), "n * 7")} || ' ' || ${el(words(NAME_A), "n * 11 + 5")} || ' ' || ${el(words(NAME_B), "n * 13")} AS name,
                    ${RH_STATUS} AS status, ${RH_JOINED(today)} AS joined, ${el(words(COUNTRIES), "n * 19")} AS country
               FROM generate_series(1, ${R}) n`);
  await run(`CREATE UNIQUE INDEX ON rh (n)`);
  await run(`INSERT INTO organizations (id, kind, name, "createdAt", "updatedAt", "isActive", "suspendedAt", "suspendReason")
             SELECT id, 'RIGHTSHOLDER', name, joined - 20, joined, true, CASE WHEN status = 'SUSPENDED' THEN now() - interval '30 days' END,
                    CASE WHEN status = 'SUSPENDED' THEN 'Rights under review' END
               FROM rh ORDER BY n`);
  await run(`INSERT INTO rightsholder_profiles ("organizationId", "legalName", country, "contactName", "contactEmail", status, "submittedAt", "approvedAt",
                                                "rejectionReason", "stripeAccountId", "payoutsEnabled", "taxFormType", "taxFormSignedOn", "taxFormValid", "isTaxDomestic", "updatedAt")
             SELECT id, name || CASE WHEN country = 'US' THEN ' Inc.' ELSE ' Ltd' END, country, ${personName("n")}, 'rights-' || n || '@${LARGE_DOMAIN}',
                    status::"RightsholderStatus", CASE WHEN status <> 'DRAFT' THEN joined - 3 END, CASE WHEN status IN ('APPROVED', 'SUSPENDED') THEN joined END,
                    CASE WHEN status = 'REJECTED' THEN 'The catalogue could not be verified.' END,
                    CASE WHEN status <> 'DRAFT' AND n % 25 <> 24 THEN 'acct_demoLarge' || n END, status <> 'DRAFT' AND n % 25 <> 24 AND n % 40 <> 9,
                    CASE WHEN status = 'DRAFT' OR n % 20 = 19 THEN NULL WHEN country = 'US' THEN 'W9' ELSE 'W8BEN_E' END::"TaxFormType",
                    CASE WHEN status <> 'DRAFT' AND n % 20 <> 19 THEN joined - 5 END, status <> 'DRAFT' AND n % 20 <> 19, country = 'US', joined
               FROM rh ORDER BY n`);
  await run(`INSERT INTO users (id, email, name, "passwordHash", "lastSignInAt", "createdAt", "updatedAt")
             SELECT ${RIGHTSHOLDER_USER("n")}, 'rightsholder-' || n || '@${LARGE_DOMAIN}', ${personName("n + 100000")}, $1, CASE WHEN n % 3 = 0 THEN now() - interval '2 days' END, joined - 20, joined - 20 FROM rh
             UNION ALL
             SELECT ${uid("52", "n")}, 'rightsholder-' || n || '-member@${LARGE_DOMAIN}', ${personName("n + 200000")}, $1, NULL, joined, joined FROM rh WHERE n <= 100`,
    [passwordHash]);
  await run(`INSERT INTO memberships (id, "userId", "organizationId", role, "createdAt")
             SELECT gen_random_uuid(), ${RIGHTSHOLDER_USER("n")}, id, 'OWNER'::"MembershipRole", joined - 20 FROM rh
             UNION ALL SELECT gen_random_uuid(), ${uid("52", "n")}, id, 'MEMBER'::"MembershipRole", joined FROM rh WHERE n <= 100`);
  await run(`INSERT INTO agreement_acceptances (id, "organizationId", "agreementId", "userId", "acceptedAt", ip)
             SELECT gen_random_uuid(), id, $1, ${RIGHTSHOLDER_USER("n")}, joined - 4, '127.0.0.1' FROM rh WHERE status <> 'DRAFT'`, [agreementId]);
}

export async function seedLicensees(run: Run, L: number, today: string, passwordHash: string): Promise<void> {
  await run(`CREATE TEMP TABLE lic AS
             SELECT n, ${LICENSEE("n")} AS id, ${el(words(TECH_A), "n * 7 + 1")} || ' ' || ${el(words(TECH_A), "n * 3 + 4")} || ' ' || ${el(words(TECH_B), "n * 5")} AS name,
                    ${el(words(COUNTRIES), "n * 23 + 1")} AS country, ${el(words(INDUSTRIES), "n * 29")} AS industry,
                    -- 6 to ~36,000 employees, most of them small.
                    (5 + floor(exp(${u("n * 31")} * 10.5)))::int AS employees,
                    (DATE '${today}' - 560 - ${pick("n * 37", 60)}) AS joined
               FROM generate_series(1, ${L}) n`);
  await run(`CREATE UNIQUE INDEX ON lic (n)`);
  await run(`INSERT INTO organizations (id, kind, name, "createdAt", "updatedAt") SELECT id, 'LICENSEE', name, joined, joined FROM lic ORDER BY n`);
  await run(`INSERT INTO users (id, email, name, "passwordHash", "lastSignInAt", "createdAt", "updatedAt")
             SELECT ${LICENSEE_USER("n")}, 'licensee-' || n || '@${LARGE_DOMAIN}', ${personName("n + 300000")}, $1, now() - interval '1 day', joined, joined FROM lic
             UNION ALL
             SELECT ${LICENSEE_MEMBER_USER("n")}, 'licensee-' || n || '-member@${LARGE_DOMAIN}', ${personName("n + 400000")}, $1, NULL, joined + 10, joined + 10 FROM lic WHERE n % 5 = 0`,
    [passwordHash]);
  await run(`INSERT INTO memberships (id, "userId", "organizationId", role, "createdAt")
             SELECT gen_random_uuid(), ${LICENSEE_USER("n")}, id, 'OWNER'::"MembershipRole", joined FROM lic
             UNION ALL SELECT gen_random_uuid(), ${LICENSEE_MEMBER_USER("n")}, id, 'MEMBER'::"MembershipRole", joined + 10 FROM lic WHERE n % 5 = 0`);
  await run(`INSERT INTO licensee_profiles ("organizationId", "legalName", country, "industryGroup", "employeeCount", "aiSystemsDescription",
                                            "lawfulContentAttestedAt", "attestedById", "stripeCustomerId", "updatedAt")
             SELECT id, name || CASE WHEN country = 'US' THEN ' Inc.' ELSE ' Ltd' END, country, industry::"IndustryGroup", employees,
                    'Assistants and models trained on licensed text, offered to our customers.', joined + 1, ${LICENSEE_USER("n")}, 'cus_large' || n, joined + 1
               FROM lic ORDER BY n`);
}

export type LicenseeRow = { n: number; id: string; employees: number; industry: string; country: string };

export async function readLicensees(client: pg.ClientBase): Promise<LicenseeRow[]> {
  const { rows } = await client.query<LicenseeRow>(`SELECT n, id::text, employees, industry, country FROM lic ORDER BY n`);
  return rows;
}

/** The bell: a notification per license activation (read, but for the latest) and a few unread reminders. */
export async function seedNotifications(run: Run): Promise<number> {
  return run(`INSERT INTO notifications (id, "userId", title, body, href, "readAt", "createdAt")
              SELECT gen_random_uuid(), ${LICENSEE_USER("l.n")}, 'License ' || g."licenseNumber" || ' is active',
                     'Payment received: the repertoire is covered for 12 months.', '/licensee',
                     CASE WHEN g."activatedAt" < now() - interval '60 days' THEN g."activatedAt" + interval '1 day' END, g."activatedAt"
                FROM license_grants g JOIN lic l ON l.id = g."organizationId" WHERE g."activatedAt" IS NOT NULL
              UNION ALL
              SELECT gen_random_uuid(), ${LICENSEE_USER("l.n")}, 'Usage report due', 'Report last quarter''s usage of the repertoire.', '/licensee/usage',
                     NULL, now() - interval '20 days'
                FROM lic l WHERE l.n % 3 = 0`);
}
