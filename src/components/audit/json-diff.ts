// An audit row's before and after, compared key by key so a reader sees what changed. Top-level
// keys only (the snapshots are flat records); nested values are compared and shown as JSON.

export type DiffRow = { key: string; before: string | null; after: string | null; change: "added" | "removed" | "changed" | "same" };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const show = (value: unknown) => (value === undefined ? null : typeof value === "string" ? value : JSON.stringify(value));

export function diffJson(before: unknown, after: unknown): DiffRow[] {
  if (!isRecord(before) && !isRecord(after)) {
    const b = before === null ? undefined : before;
    const a = after === null ? undefined : after;
    if (b === undefined && a === undefined) return [];
    return [{ key: "value", before: show(b), after: show(a), change: b === undefined ? "added" : a === undefined ? "removed" : show(b) === show(a) ? "same" : "changed" }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = keys.map((key): DiffRow => {
    const was = show(b[key]);
    const now = show(a[key]);
    const change = !(key in b) ? "added" : !(key in a) ? "removed" : was === now ? "same" : "changed";
    return { key, before: was, after: now, change };
  });
  // Changed first, then added and removed, unchanged last: what happened reads at the top.
  const order = { changed: 0, added: 1, removed: 2, same: 3 };
  return rows.sort((x, y) => order[x.change] - order[y.change]);
}
