import "server-only";
import { SYSTEM } from "../auth/actor";
import { writeAudit } from "../audit/write-audit";
import { db, type Tx } from "../db";
import { FINAL_RUN_STATUSES } from "../distribution/runs.schema";
import { enqueueMail } from "../mail/outbox";
import { emitWebhookEvents } from "../webhooks/emit-webhook-event";
import { statementReadyEvents } from "../webhooks/webhook-event-data";
import { statementReadyMail, statementReadyNotification } from "./statement-ready-mails";

// The statements.notify job: once a run is approved, each payee's owners get one "statement
// ready" mail and notification. A batch of statements is claimed by setting notifiedAt with a
// conditional update in the transaction that writes its mails, so a repeated run, two workers at
// once or a crash half-way send nothing twice and miss nothing (the database lets notifiedAt, and
// nothing else, change on an approved run's statements).

const BATCH = 500;
/** A batch writes a mail per owner one row at a time: more than Prisma's default 5 s may pass. */
const BATCH_TIMEOUT_MS = 60_000;

export type NotifyOutcome = { statements: number; mails: number };

export async function notifyStatementsReady(runId: string, options: { batchSize?: number } = {}): Promise<NotifyOutcome> {
  const run = await db.distributionRun.findUnique({ where: { id: runId }, select: { status: true, quarter: true } });
  if (!run) throw new Error(`Distribution run ${runId} does not exist.`);
  const outcome: NotifyOutcome = { statements: 0, mails: 0 };
  // Statements are final, and shown to rightsholders, only once their run is approved.
  if (!(FINAL_RUN_STATUSES as readonly string[]).includes(run.status)) return outcome;

  let cursor: string | null = null;
  for (;;) {
    const batch: { id: string }[] = await db.statement.findMany({
      where: { runId, notifiedAt: null, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: options.batchSize ?? BATCH,
      select: { id: true },
    });
    if (batch.length === 0) break;
    const sent = await db.$transaction((tx) => notifyBatch(tx, runId, batch.map((s) => s.id), run.quarter), { timeout: BATCH_TIMEOUT_MS });
    outcome.statements += sent.statements;
    outcome.mails += sent.mails;
    cursor = batch.at(-1)!.id;
  }
  return outcome;
}

async function notifyBatch(tx: Tx, runId: string, ids: string[], quarter: string): Promise<NotifyOutcome> {
  // A second worker's update waits for this one's commit and then claims none of these rows.
  const claimedIds = await tx.statement.updateManyAndReturn({
    where: { id: { in: ids }, notifiedAt: null },
    data: { notifiedAt: new Date() },
    select: { id: true },
  });
  const claimed = await tx.statement.findMany({
    where: { id: { in: claimedIds.map((s) => s.id) } },
    orderBy: { id: "asc" },
    select: {
      id: true, paidCents: true, withheldCents: true, carriedOutCents: true, thresholdCents: true, payoutBlockedReason: true,
      rightsholder: {
        select: {
          name: true,
          // The owners, as for the other rightsholder notices (participation, disputes); a
          // deactivated account gets nothing. Members read the statement in the portal.
          memberships: { where: { role: "OWNER", user: { isActive: true } }, select: { user: { select: { id: true, email: true } } } },
        },
      },
    },
  });
  let mails = 0;
  const notifications: { userId: string; title: string; body: string; href: string }[] = [];
  for (const statement of claimed) {
    const facts = {
      statementId: statement.id,
      organizationName: statement.rightsholder.name,
      quarter,
      paidCents: statement.paidCents,
      withheldCents: statement.withheldCents,
      carriedOutCents: statement.carriedOutCents,
      thresholdCents: statement.thresholdCents,
      payoutBlockedReason: statement.payoutBlockedReason,
    };
    const notification = statementReadyNotification(facts);
    for (const { user } of statement.rightsholder.memberships) {
      await enqueueMail(tx, statementReadyMail(user.email, facts));
      notifications.push({ userId: user.id, ...notification });
      mails++;
    }
  }
  if (notifications.length > 0) await tx.notification.createMany({ data: notifications });
  await emitWebhookEvents(tx, await statementReadyEvents(tx, claimed.map((s) => s.id)));
  if (claimed.length > 0) {
    await writeAudit(tx, SYSTEM, {
      action: "statements.notified",
      entityType: "DistributionRun",
      entityId: runId,
      after: { quarter, statements: claimed.length, mails, firstStatementId: claimed[0]!.id, lastStatementId: claimed.at(-1)!.id },
    });
  }
  return { statements: claimed.length, mails };
}
