import "server-only";
import { appUrl } from "../env";
import type { OutgoingMail } from "./outbox";

// Plain-text mails: they read well in every client and in the staff outbox.
const PRODUCT = "Clearway";

/** The reset link; `bySupport` when the operator's staff sent it (the person did not ask). */
export function passwordResetMail(to: string, name: string, token: string, bySupport = false): OutgoingMail {
  const link = `${appUrl()}/reset-password/${token}`;
  return {
    to,
    template: "password-reset",
    subject: `Reset your ${PRODUCT} password`,
    text: [
      `Hello ${name},`,
      "",
      bySupport
        ? `${PRODUCT}'s support team sent you this link to choose a new password for your account.`
        : "Someone (hopefully you) asked to reset the password of your account.",
      `Choose a new password here within the next hour:`,
      link,
      "",
      "If you did not ask for this, ignore this mail: your password stays as it is.",
    ].join("\n"),
  };
}

export function invitationMail(to: string, inviterName: string, organizationName: string, token: string): OutgoingMail {
  const link = `${appUrl()}/invite/${token}`;
  return {
    to,
    template: "invitation",
    subject: `${inviterName} invited you to ${organizationName} on the ${PRODUCT} portal`,
    text: [
      "Hello,",
      "",
      `${inviterName} invited you to join ${organizationName} on the ${PRODUCT} portal.`,
      "Accept the invitation within 7 days:",
      link,
      "",
      "If you did not expect this, you can ignore this mail.",
    ].join("\n"),
  };
}

export function welcomeMail(to: string, name: string, organizationName: string): OutgoingMail {
  return {
    to,
    template: "welcome",
    subject: `Welcome to the ${PRODUCT} portal`,
    text: [
      `Hello ${name},`,
      "",
      `Your account and the organisation ${organizationName} are ready.`,
      `Sign in at ${appUrl()}/sign-in`,
    ].join("\n"),
  };
}

export function staffAccountMail(to: string, name: string, role: string, token: string): OutgoingMail {
  const link = `${appUrl()}/reset-password/${token}`;
  return {
    to,
    template: "staff-account",
    subject: `Your ${PRODUCT} staff account`,
    text: [
      `Hello ${name},`,
      "",
      `You now have a ${PRODUCT} staff account with the ${role} role.`,
      "Choose your password here within the next 24 hours:",
      link,
      "",
      "If the link has expired, use “Forgot your password?” on the sign-in page.",
    ].join("\n"),
  };
}

export type ImportOutcomeCounts = { created: number; updated: number; unchanged: number; rejected: number; disputed: number };

export function importFinishedMail(
  to: string,
  name: string,
  importFile: { id: string; fileName: string; isFailed: boolean; errorMessage: string | null; rows: number; counts: ImportOutcomeCounts },
): OutgoingMail {
  const link = `${appUrl()}/rightsholder/imports/${importFile.id}`;
  const { counts } = importFile;
  const n = (value: number) => value.toLocaleString("en-GB");
  return {
    to,
    template: "import-finished",
    subject: importFile.isFailed
      ? `Your works import ${importFile.fileName} stopped`
      : `Your works import ${importFile.fileName} is done`,
    text: [
      `Hello ${name},`,
      "",
      importFile.isFailed
        ? `The import of ${importFile.fileName} stopped: ${importFile.errorMessage ?? "see the import page."}`
        : `The import of ${importFile.fileName} is done: ${n(importFile.rows)} rows read.`,
      "",
      `Created: ${n(counts.created)}`,
      `Updated: ${n(counts.updated)}`,
      `Unchanged: ${n(counts.unchanged)}`,
      `Rejected: ${n(counts.rejected)}`,
      ...(counts.disputed > 0 ? [`Enrolled with a dispute (an identifier another rightsholder holds): ${n(counts.disputed)}`] : []),
      "",
      counts.rejected > 0 || importFile.isFailed
        ? `The lines that were not imported, with the reason for each, are on the import page:`
        : "See the import page:",
      link,
    ].join("\n"),
  };
}
