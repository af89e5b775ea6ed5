import Link from "next/link";
import { formatDateTime } from "@/lib/dates";
import type { AuditRow } from "@/server/audit/audit.queries";
import { cn } from "../ui/cn";
import { entityHref } from "./entity-link";
import { diffJson } from "./json-diff";

const CHANGE_TONE = { changed: "bg-amber-50", added: "bg-emerald-50", removed: "bg-red-50", same: "" } as const;

function who(row: AuditRow): string {
  if (row.actorName) return `${row.actorName} (${row.actorEmail})`;
  if (row.actorUserId) return `A removed user (${row.actorUserId})`;
  return row.actorKind;
}

/** One audit row: a line to scan, opening onto its before and after, compared key by key. */
export function AuditEntry({ row }: { row: AuditRow }) {
  const href = entityHref(row.entityType, row.entityId);
  const diff = diffJson(row.before, row.after);
  return (
    <details className="group px-4 py-3" data-testid="audit-row">
      <summary className="flex cursor-pointer list-none flex-col gap-1 sm:flex-row sm:items-baseline sm:gap-4">
        <span className="w-44 shrink-0 whitespace-nowrap text-xs text-slate-500">{formatDateTime(row.at)}</span>
        <span className="font-mono text-sm font-medium text-slate-900">{row.action}</span>
        <span className="min-w-0 flex-1 truncate text-sm text-slate-600">
          {row.entityType} <span className="font-mono text-xs">{row.entityId}</span>
        </span>
        <span className="truncate text-sm text-slate-600">{who(row)}</span>
      </summary>
      <div className="mt-3 space-y-3 text-sm">
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[9rem_1fr]">
          <dt className="text-slate-500">Entity</dt>
          <dd>
            {href ? <Link href={href} className="text-brand-700 hover:underline">{row.entityType} {row.entityId}</Link> : `${row.entityType} ${row.entityId}`}
            {" · "}<Link href={`/staff/audit?${new URLSearchParams({ entityType: row.entityType, entityId: row.entityId })}`} className="text-brand-700 hover:underline">its whole history</Link>
          </dd>
          <dt className="text-slate-500">Who</dt>
          <dd>{who(row)} · {row.actorKind}{row.ip ? ` · ${row.ip}` : ""}</dd>
          {row.organizationId ? (<><dt className="text-slate-500">Organisation</dt><dd>{row.organizationName ?? row.organizationId}</dd></>) : null}
          <dt className="text-slate-500">Row</dt>
          <dd className="font-mono text-xs">#{row.id}</dd>
        </dl>
        {diff.length === 0 ? <p className="text-slate-600">No before or after recorded.</p> : (
          <table className="w-full table-fixed text-left text-xs" data-testid="audit-diff">
            <thead className="text-slate-500"><tr><th className="w-40 py-1 font-medium">Field</th><th className="py-1 font-medium">Before</th><th className="py-1 font-medium">After</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {diff.map((d) => (
                <tr key={d.key} className={cn(CHANGE_TONE[d.change])} data-change={d.change}>
                  <td className="py-1 pr-2 align-top font-mono">{d.key}</td>
                  <td className="break-words py-1 pr-2 align-top font-mono text-slate-600">{d.before ?? "—"}</td>
                  <td className="break-words py-1 align-top font-mono text-slate-900">{d.after ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </details>
  );
}
