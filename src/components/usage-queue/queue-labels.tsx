import { IDENTIFIER_LABELS } from "@/lib/works/work-input";
import type { IdentifierKind } from "@/lib/identifiers";
import { Badge } from "../ui/badge";

// How the queue names a group and its state, the same on the list and the match page.

export function QueueStatusBadge({ status }: { status: "UNMATCHED" | "AMBIGUOUS" }) {
  return status === "AMBIGUOUS" ? <Badge tone="brand">Ambiguous</Badge> : <Badge tone="amber">Unmatched</Badge>;
}

/** What the licensee wrote, as one line: the title (and year), else the identifier. */
export function wroteLabel(wrote: { identifier: string | null; title: string | null; year: number | null } | null): string {
  if (!wrote) return "Usage lines";
  if (wrote.title) return wrote.year ? `${wrote.title} (${wrote.year})` : wrote.title;
  return wrote.identifier ?? "Usage lines";
}

/** "ISBN 9781900005557" for an identifier key, "Title and year" for a title key. */
export function keyLabel(key: string): string {
  const match = /^id:([A-Z0-9]+):(.*)$/s.exec(key);
  if (!match) return "No identifier: by title and year";
  const type = match[1] as IdentifierKind;
  return `${IDENTIFIER_LABELS[type] ?? type} ${match[2]}`;
}

const INTEGER = new Intl.NumberFormat("en-GB");

export function formatUnits(units: bigint): string {
  return INTEGER.format(units);
}

export function matchHref(key: string, extra: Record<string, string> = {}): string {
  return `/staff/usage/match?${new URLSearchParams({ key, ...extra })}`;
}
