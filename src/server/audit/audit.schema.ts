import { z } from "zod";
import { BIGINT_MAX, isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/storable-text";

// The audit log viewer's filters, as the page's query string carries them. Every field is
// optional and a malformed one is dropped with a note (a filter form never fails the page).

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const text = (max: number) => z.string().trim().max(max).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE).optional().catch(undefined).transform((v) => (v ? v : undefined));

export const AUDIT_PAGE_SIZE = 50;

export const ZAuditFilters = z.object({
  /** A user's email or id, or an actor kind ("staff", "system", "api-key", "user", "anonymous"). */
  actor: text(200),
  /** An organisation's id or its exact name. */
  organization: text(200),
  entityType: text(60),
  entityId: text(200),
  /** The start of the action ("license." for every license event). */
  action: text(80),
  from: text(10),
  to: text(10),
  /** Keyset position: "<at in ms>.<id>" of the row to continue from. */
  cursor: text(60),
  dir: z.enum(["older", "newer"]).optional().catch(undefined),
});
export type TAuditFilters = z.input<typeof ZAuditFilters>;
export type AuditFilters = z.output<typeof ZAuditFilters>;

export type AuditCursor = { at: Date; id: bigint };

export function encodeAuditCursor(row: { at: Date; id: bigint }): string {
  return `${row.at.getTime()}.${row.id}`;
}

export function decodeAuditCursor(value: string | undefined): AuditCursor | null {
  const match = value ? /^(\d{1,15})\.(\d{1,19})$/.exec(value) : null;
  if (!match) return null;
  // An id past BIGINT is no row's: the query would fail rather than find nothing.
  const id = BigInt(match[2]!);
  return id <= BIGINT_MAX ? { at: new Date(Number(match[1])), id } : null;
}

/** A YYYY-MM-DD filter day as a Date at its UTC midnight, or null when it is not a day. */
export function filterDay(value: string | undefined): Date | null {
  if (!value || !isoDay.test(value)) return null;
  const at = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(at.getTime()) || !at.toISOString().startsWith(value) ? null : at;
}

/** The filters without the paging, as a query string (links, the CSV export). */
export function auditFilterQuery(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ ...filters, cursor: undefined, dir: undefined, ...extra }).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "");
  return new URLSearchParams(entries).toString();
}
