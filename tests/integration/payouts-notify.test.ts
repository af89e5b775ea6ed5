// The "statement ready" notices of an approved run: one mail and one notification per owner of
// each payee, saying what was paid or carried, with the statement's link; never twice.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { notifyStatementsReady } from "@/server/payouts/notify-statements-ready";
import { addMember, createOrganizationWithPeople, createUser, mailsTo } from "../factories/index";
import { createApprovedRun } from "../factories/payouts";

async function threePayees() {
  const paid = await createOrganizationWithPeople("RIGHTSHOLDER");
  const secondOwner = await addMember(paid.organization.id, "OWNER");
  const formerOwner = await addMember(paid.organization.id, "OWNER", await createUser({ isActive: false }));
  const carried = await createOrganizationWithPeople("RIGHTSHOLDER");
  const blocked = await createOrganizationWithPeople("RIGHTSHOLDER");
  const payees = [
    { organizationId: paid.organization.id, paidCents: 30_000n, withheldCents: 2_000n, stripeAccountId: "acct_not_called" },
    { organizationId: carried.organization.id, paidCents: 0n, carriedOutCents: 4_000n },
    { organizationId: blocked.organization.id, paidCents: 0n, carriedOutCents: 31_000n, payoutBlockedReason: "no payout account is set up yet." },
  ];
  return { paid, secondOwner, formerOwner, carried, blocked, payees };
}

const statementOf = (runId: string, rightsholderId: string) =>
  db.statement.findUniqueOrThrow({ where: { runId_rightsholderId: { runId, rightsholderId } } });

describe("notifying that statements are ready", () => {
  it("mails each payee's owners once, with what was paid or carried and the link, and a repeat sends nothing", async () => {
    const { paid, secondOwner, formerOwner, carried, blocked, payees } = await threePayees();
    const run = await createApprovedRun(payees);
    const quarterName = run.quarter.replace(/^(\d{4})Q(\d)$/, "Q$2 $1");

    expect(await notifyStatementsReady(run.id, { batchSize: 2 })).toEqual({ statements: 3, mails: 4 });

    const paidStatement = await statementOf(run.id, paid.organization.id);
    for (const email of [paid.owner.user.email, secondOwner.user.email]) {
      const mails = await mailsTo(email);
      expect(mails.map((m) => [m.template, m.subject])).toEqual([["statement-ready", `Your royalty statement for ${quarterName} is ready`]]);
      expect(mails[0]!.text).toContain(`/rightsholder/statements/${paidStatement.id}`);
      expect(mails[0]!.text).toContain("Payout: $300.00, sent to your connected Stripe account.");
      expect(mails[0]!.text).toContain("Tax withheld: $20.00");
    }
    // Members read statements in the portal; a deactivated owner gets nothing.
    expect(await mailsTo(paid.member.user.email)).toEqual([]);
    expect(await mailsTo(formerOwner.user.email)).toEqual([]);

    const [carriedMail] = await mailsTo(carried.owner.user.email);
    expect(carriedMail!.text).toContain("Carried forward to next quarter: $40.00, below the payout threshold of $250.00.");
    const [blockedMail] = await mailsTo(blocked.owner.user.email);
    expect(blockedMail!.text).toContain("Carried forward to next quarter: $310.00. It reached the payout threshold but could not be paid: no payout account is set up yet.");

    const notifications = await db.notification.findMany({ where: { userId: { in: [paid.owner.user.id, secondOwner.user.id, paid.member.user.id] } } });
    expect(notifications.map((n) => [n.href, n.title]).sort()).toEqual([
      [`/rightsholder/statements/${paidStatement.id}`, `Your royalty statement for ${quarterName} is ready`],
      [`/rightsholder/statements/${paidStatement.id}`, `Your royalty statement for ${quarterName} is ready`],
    ]);
    expect(await db.statement.count({ where: { runId: run.id, notifiedAt: null } })).toBe(0);

    expect(await notifyStatementsReady(run.id)).toEqual({ statements: 0, mails: 0 });
    expect(await mailsTo(paid.owner.user.email)).toHaveLength(1);
    expect(await db.notification.count({ where: { userId: paid.owner.user.id } })).toBe(1);
  });

  it("sends each mail once when two workers notify the same run at the same time", async () => {
    const { paid, secondOwner, carried, blocked, payees } = await threePayees();
    const run = await createApprovedRun(payees);
    const outcomes = await Promise.all([notifyStatementsReady(run.id, { batchSize: 1 }), notifyStatementsReady(run.id, { batchSize: 1 })]);
    expect(outcomes.reduce((sum, o) => sum + o.mails, 0)).toBe(4);
    for (const email of [paid.owner.user.email, secondOwner.user.email, carried.owner.user.email, blocked.owner.user.email]) {
      expect(await mailsTo(email)).toHaveLength(1);
    }
  });

  it("says nothing about a run that is not approved", async () => {
    const { paid, payees } = await threePayees();
    const run = await createApprovedRun(payees, { isApproved: false });
    expect(await notifyStatementsReady(run.id)).toEqual({ statements: 0, mails: 0 });
    expect(await mailsTo(paid.owner.user.email)).toEqual([]);
    expect((await statementOf(run.id, paid.organization.id)).notifiedAt).toBeNull();
  });
});
