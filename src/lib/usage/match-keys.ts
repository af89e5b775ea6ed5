// The key a staff match decision is remembered by (MatchDecision.rawKey): the same raw identifier,
// or the same title and year, in any later report of any licensee gets the same decision.
// "id:<type>:<normalised value>" when the line's identifier could be read, else
// "title:<normalised title>|<year or empty>".

export function identifierKey(type: string, value: string): string {
  return `id:${type}:${value}`;
}

export function titleKey(normalizedTitle: string, year: number | null): string {
  return `title:${normalizedTitle}|${year ?? ""}`;
}

/** A usage line's key: by its identifier when it has one, else by title and year. */
export function usageLineKey(line: { identifierType: string | null; normalizedIdentifier: string | null; normalizedTitle: string | null; rawYear: number | null }): string | null {
  if (line.identifierType && line.normalizedIdentifier) return identifierKey(line.identifierType, line.normalizedIdentifier);
  if (line.normalizedTitle) return titleKey(line.normalizedTitle, line.rawYear);
  return null;
}
