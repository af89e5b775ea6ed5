import "server-only";
import { daysBetween } from "@/lib/licensing/term";
import { previousQuarter, quarterOf, type Quarter } from "@/lib/usage/quarters";
import { todayUtc } from "@/lib/works/work-input";
import { SYSTEM } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import { db, type Tx } from "../db";
import { enqueueMail } from "../mail/outbox";
import { TERMS_CTE } from "./eligibility-sql";
import { usageReminderMail, usageReminderNotification, type ReminderNumber } from "./usage-reminder-mails";

// The daily usage.reminders job: licensees that held the license during the quarter just ended,
// still hold it, and have not reported for that quarter are reminded by mail and in the portal,
// twice at most. The reminder's row (usage_reminders) is claimed with one conditional upsert in
// the transaction that writes the mails, so a run that is repeated, runs twice at once or dies
// half-way sends nothing twice and misses nothing on the next run.

/** No reminder in the first week after a quarter ends: most reports arrive in it. */
export const GRACE_DAYS = 7;
/** Days between the first reminder and the second. */
export const DAYS_BETWEEN_REMINDERS = 14;
/** The CHECK on usage_reminders holds the same limit. */
export const MAX_REMINDERS = 2;

export type UsageRemindersOutcome = { quarter: string; first: number; second: number };

// A report counts when it is received, being processed or processed. A replaced report has been
// superseded (its successor counts on its own), a failed one produced no usage, and an adjustment
// corrects a quarter already reported rather than reporting it. `rep` is the report's row.
const COUNTS_AS_REPORTED = `rep.status IN ('RECEIVED', 'PROCESSING', 'PROCESSED') AND NOT rep."isAdjustment"`;

/**
 * Sends the reminders due `today` for the quarter before today's. `now` stamps them; the 14 days
 * between reminders are counted in calendar days, so a run delayed by a few hours does not push
 * the second reminder to the next day. Given only `today` (tests), the clock is that day's start.
 */
/** `organizationIds` limits the run to those licensees (tests share one database with other test files). */
export async function runUsageReminders(options: { today?: string; now?: Date; organizationIds?: string[] } = {}): Promise<UsageRemindersOutcome> {
  const now = options.now ?? (options.today ? new Date(`${options.today}T00:00:00Z`) : new Date());
  const today = options.today ?? todayUtc(now);
  const quarter = previousQuarter(quarterOf(today));
  const outcome: UsageRemindersOutcome = { quarter: quarter.code, first: 0, second: 0 };
  if (daysBetween(quarter.endsOn, today) < GRACE_DAYS) return outcome;

  const candidates = (await dueLicensees(quarter, today)).filter((c) => !options.organizationIds || options.organizationIds.includes(c.organizationId));
  for (const candidate of candidates) {
    const sent = await db.$transaction((tx) => sendReminder(tx, candidate, quarter, today, now));
    if (sent === 1) outcome.first++;
    if (sent === 2) outcome.second++;
  }
  return outcome;
}

type Candidate = { organizationId: string; sentCount: number };

/** Licensees due a reminder today, with the number already sent (set-based: one query). */
async function dueLicensees(quarter: Quarter, today: string): Promise<Candidate[]> {
  return db.$queryRawUnsafe<Candidate[]>(
    `WITH ${TERMS_CTE}
     SELECT o.id::text AS "organizationId", COALESCE(r."sentCount", 0)::int AS "sentCount"
       FROM organizations o
       LEFT JOIN usage_reminders r ON r."organizationId" = o.id AND r.quarter = $1
      WHERE o.kind = 'LICENSEE' AND o."isActive"
        AND EXISTS (SELECT 1 FROM license_grants g
                     WHERE g."organizationId" = o.id AND g.status = 'ACTIVE' AND g."startsOn" <= $4::date AND g."endsOn" > $4::date)
        AND EXISTS (SELECT 1 FROM terms t WHERE t.org = o.id AND GREATEST($2::date, t.s) < LEAST($3::date, t.e))
        AND NOT EXISTS (SELECT 1 FROM usage_reports rep WHERE rep."organizationId" = o.id AND rep.quarter = $1 AND ${COUNTS_AS_REPORTED})
        AND (r."organizationId" IS NULL
          OR (r."sentCount" < ${MAX_REMINDERS} AND r."lastSentAt"::date <= $4::date - ${DAYS_BETWEEN_REMINDERS}))
      ORDER BY o.id`,
    quarter.code, quarter.startsOn, quarter.endsOn, today,
  );
}

/**
 * Claims the next reminder and writes its mails, notifications and audit row. The upsert moves
 * the row only from the count this run saw, and only when 14 days have passed and no current
 * report has arrived since the candidates were read; a second worker's upsert therefore waits
 * for the first one's commit and then matches nothing. Returns which reminder was sent, or null.
 */
async function sendReminder(tx: Tx, candidate: Candidate, quarter: Quarter, today: string, now: Date): Promise<ReminderNumber | null> {
  const claimed = await tx.$queryRawUnsafe<{ sentCount: number }[]>(
    `INSERT INTO usage_reminders AS r ("organizationId", quarter, "sentCount", "lastSentAt")
     SELECT $1::uuid, $2, 1, ($3::timestamptz AT TIME ZONE 'UTC')
      WHERE NOT EXISTS (SELECT 1 FROM usage_reports rep WHERE rep."organizationId" = $1::uuid AND rep.quarter = $2 AND ${COUNTS_AS_REPORTED})
     ON CONFLICT ("organizationId", quarter) DO UPDATE
        SET "sentCount" = r."sentCount" + 1, "lastSentAt" = EXCLUDED."lastSentAt"
      WHERE r."sentCount" = $4 AND r."sentCount" < ${MAX_REMINDERS} AND r."lastSentAt"::date <= $5::date - ${DAYS_BETWEEN_REMINDERS}
     RETURNING r."sentCount"`,
    candidate.organizationId, quarter.code, now.toISOString(), candidate.sentCount, today,
  );
  const reminder = claimed[0]?.sentCount;
  if (reminder !== 1 && reminder !== 2) return null;

  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: candidate.organizationId },
    select: {
      name: true,
      // Owners and members alike, as with the license mails; a deactivated account gets nothing.
      memberships: { where: { user: { isActive: true } }, select: { user: { select: { id: true, email: true } } } },
    },
  });
  const facts = { organizationName: organization.name, quarter };
  const notification = usageReminderNotification(facts, reminder);
  for (const { user } of organization.memberships) {
    await enqueueMail(tx, usageReminderMail(user.email, facts, reminder));
  }
  await tx.notification.createMany({ data: organization.memberships.map(({ user }) => ({ userId: user.id, ...notification })) });
  await writeAudit(tx, SYSTEM, {
    action: "usage.reminder_sent",
    entityType: "UsageReminder",
    entityId: `${candidate.organizationId}:${quarter.code}`,
    organizationId: candidate.organizationId,
    before: { sentCount: reminder - 1 },
    after: { quarter: quarter.code, sentCount: reminder, recipients: organization.memberships.length },
  });
  return reminder;
}
