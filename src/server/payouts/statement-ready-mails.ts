import "server-only";
import { formatCents } from "@/lib/pricing/price-license";
import { appUrl } from "../env";
import type { OutgoingMail } from "../mail/outbox";

// The words of the "statement ready" notice, by mail and in the portal: the quarter, and what
// became of the balance (paid out, or carried forward and why), with the link to the statement.

export type StatementFacts = {
  statementId: string;
  organizationName: string;
  /** The run's quarter, "2026Q3". */
  quarter: string;
  paidCents: bigint;
  withheldCents: bigint;
  carriedOutCents: bigint;
  thresholdCents: bigint;
  payoutBlockedReason: string | null;
};

/** "2026Q3" → "Q3 2026", as the portal names quarters in prose. */
const quarterName = (code: string) => code.replace(/^(\d{4})Q([1-4])$/, "Q$2 $1");
export const statementPath = (statementId: string) => `/rightsholder/statements/${statementId}`;

/** One sentence a person can act on: paid, carried (below the threshold or blocked), or nothing. */
function outcomeLines(facts: StatementFacts): string[] {
  const lines: string[] = [];
  if (facts.paidCents > 0n) {
    lines.push(`Payout: ${formatCents(facts.paidCents)}, sent to your connected Stripe account.`);
    if (facts.withheldCents > 0n) lines.push(`Tax withheld: ${formatCents(facts.withheldCents)} (no valid tax form was on file).`);
  }
  if (facts.carriedOutCents > 0n) {
    lines.push(facts.payoutBlockedReason
      ? `Carried forward to next quarter: ${formatCents(facts.carriedOutCents)}. It reached the payout threshold but could not be paid: ${facts.payoutBlockedReason}`
      : `Carried forward to next quarter: ${formatCents(facts.carriedOutCents)}, below the payout threshold of ${formatCents(facts.thresholdCents)}.`);
  }
  if (lines.length === 0) lines.push("No royalties were allocated to your works this quarter.");
  return lines;
}

export function statementReadyMail(to: string, facts: StatementFacts): OutgoingMail {
  return {
    to,
    template: "statement-ready",
    subject: `Your royalty statement for ${quarterName(facts.quarter)} is ready`,
    text: [
      "Hello,",
      "",
      `The royalty statement of ${facts.organizationName} for ${quarterName(facts.quarter)} is ready.`,
      "",
      ...outcomeLines(facts),
      "",
      "Read it, with a line for each of your works, and download it as CSV or PDF:",
      `${appUrl()}${statementPath(facts.statementId)}`,
      "",
      "If a line looks wrong, you can raise a dispute on it from the statement within 9 months.",
    ].join("\n"),
  };
}

/** The in-portal notification that goes with the mail. */
export function statementReadyNotification(facts: StatementFacts): { title: string; body: string; href: string } {
  return {
    title: `Your royalty statement for ${quarterName(facts.quarter)} is ready`,
    body: outcomeLines(facts).join(" "),
    href: statementPath(facts.statementId),
  };
}
