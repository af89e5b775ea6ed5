import "server-only";
import { describeQuarter, type Quarter } from "@/lib/usage/quarters";
import { appUrl } from "../env";
import type { OutgoingMail } from "../mail/outbox";

// The words of a usage-report reminder, by mail and in the portal. There are two at most
// (run-usage-reminders.ts); the second says it is the last, so nobody waits for a third.

export type ReminderNumber = 1 | 2;

type ReminderFacts = { organizationName: string; quarter: Quarter };

const shortName = (quarter: Quarter) => `Q${quarter.q} ${quarter.year}`;

export function usageReminderMail(to: string, facts: ReminderFacts, reminder: ReminderNumber): OutgoingMail {
  const { organizationName, quarter } = facts;
  const isLast = reminder === 2;
  return {
    to,
    template: `usage-reminder-${reminder}`,
    subject: `${isLast ? "Last reminder: your" : "Your"} usage report for ${shortName(quarter)} is due`,
    text: [
      "Hello,",
      "",
      `${organizationName} held the AI training license in ${describeQuarter(quarter)}, and we have no usage report for that quarter yet.`,
      "",
      "What to report: one line for each work used in that quarter, with an identifier (ISBN, ISSN, DOI or URL) and/or its title, the purpose (TRAIN, FINE_TUNE or RAG) and the units used (a whole number; tokens used for training by default).",
      "",
      "How to report:",
      `- upload a CSV file on your usage page: ${appUrl()}/licensee/usage`,
      `- or send it from your own systems: POST ${appUrl()}/api/v1/usage-reports, with an API key that may report usage.`,
      "",
      // Follow the money (shared/DOMAIN.md): without a report, the licensee's share goes to the general pool.
      `Why it matters: royalties for ${shortName(quarter)} are distributed to rightsholders from what licensees report. Without your report, your license fee for that quarter is shared out by everyone else's usage instead of going to the works you used.`,
      ...(isLast ? ["", `This is the last reminder for ${shortName(quarter)}.`] : []),
    ].join("\n"),
  };
}

/** The in-portal notification that goes with the mail. */
export function usageReminderNotification(facts: ReminderFacts, reminder: ReminderNumber): { title: string; body: string; href: string } {
  return {
    title: `${reminder === 2 ? "Last reminder: your" : "Your"} usage report for ${shortName(facts.quarter)} is due`,
    body: `Report the works ${facts.organizationName} used in ${describeQuarter(facts.quarter)}: upload a CSV file or use the API.`,
    href: "/licensee/usage",
  };
}
