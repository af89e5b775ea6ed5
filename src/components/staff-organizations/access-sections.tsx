import Link from "next/link";
import { formatDateTime } from "@/lib/dates";
import { API_SCOPES, type ApiScope } from "@/server/api-keys/api-keys.schema";
import { listApiKeys } from "@/server/api-keys/api-keys.queries";
import type { UserActor } from "@/server/auth/actor";
import { listOrganizationAuditForStaff } from "@/server/organizations/staff-organization.queries";
import { Badge } from "../ui/badge";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { Pager } from "./pager";
import { RateLimitForm } from "./rate-limit-form";

const KEY_STATUS = { active: ["Active", "green"], expired: ["Expired", "amber"], revoked: ["Revoked", "red"] } as const;

/** The organisation's keys: names, scopes, use. Never a secret (none is stored) nor its hash. */
export async function ApiKeysSection({ actor, organizationId }: { actor: UserActor; organizationId: string }) {
  const keys = await listApiKeys(actor, organizationId);
  if (keys.length === 0) return <EmptyState title="No API keys">The organisation&apos;s owners create keys on their API keys page.</EmptyState>;
  return (
    <DataTable columns={[{ label: "Key" }, { label: "Status" }, { label: "Scopes", className: "hidden md:table-cell" }, { label: "Last used", className: "hidden sm:table-cell" }, { label: "Rate limit" }]}>
      {keys.map((k) => {
        const [label, tone] = KEY_STATUS[k.status];
        return (
          <tr key={k.id} data-testid="staff-org-api-key">
            <td className="px-4 py-3">
              <span className="font-medium text-slate-900">{k.name}</span>
              <span className="block font-mono text-xs text-slate-500">{k.prefix}…</span>
              <span className="block text-xs text-slate-500">Created {formatDateTime(k.createdAt)}{k.createdByName ? ` by ${k.createdByName}` : ""}</span>
            </td>
            <td className="px-4 py-3"><Badge tone={tone}>{label}</Badge></td>
            <td className="hidden px-4 py-3 text-slate-700 md:table-cell">{k.scopes.map((s) => (s in API_SCOPES ? API_SCOPES[s as ApiScope].label : s)).join(", ")}</td>
            <td className="hidden whitespace-nowrap px-4 py-3 text-slate-700 sm:table-cell">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Never"}</td>
            <td className="px-4 py-3 text-slate-700">
              <span className="whitespace-nowrap tabular-nums">{k.rateLimitPerMinute.toLocaleString("en-US")} / min</span>
              {actor.staffRole === "ADMIN" && k.status === "active" ? <RateLimitForm organizationId={organizationId} keyId={k.id} perMinute={k.rateLimitPerMinute} /> : null}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

/** A before/after snapshot in one line, for the table. */
function compact(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export async function AuditSection({ actor, organizationId, page }: { actor: UserActor; organizationId: string; page?: string }) {
  const audit = await listOrganizationAuditForStaff(actor, { organizationId, page });
  if (audit.rows.length === 0 && audit.page === 1) return <EmptyState title="No audit rows">Nothing has been recorded for this organisation yet.</EmptyState>;
  return (
    <>
      <DataTable columns={[{ label: "When" }, { label: "What" }, { label: "Who", className: "hidden sm:table-cell" }, { label: "Before → after", className: "hidden lg:table-cell" }]}>
        {audit.rows.map((r) => (
          <tr key={r.id.toString()} data-testid="staff-org-audit-row" className="align-top">
            <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatDateTime(r.at)}</td>
            <td className="px-4 py-3"><span className="font-mono text-xs text-slate-900">{r.action}</span><span className="block text-xs text-slate-500">{r.entityType} {r.entityId}</span></td>
            <td className="hidden px-4 py-3 text-slate-700 sm:table-cell">{r.actorName ?? r.actorKind}{r.actorName ? <span className="block text-xs text-slate-500">{r.actorKind}</span> : null}</td>
            <td className="hidden max-w-md px-4 py-3 font-mono text-xs text-slate-600 lg:table-cell">
              {r.before ? <span className="block break-all">{compact(r.before)}</span> : null}
              {r.after ? <span className="block break-all">→ {compact(r.after)}</span> : null}
            </td>
          </tr>
        ))}
      </DataTable>
      <Pager page={audit.page} hasNext={audit.hasNext} hrefFor={(n) => `/staff/organizations/${organizationId}?tab=audit&page=${n}`} previousLabel="← Newer" nextLabel="Older →" />
      <p className="mt-2 text-xs text-slate-500">Whole rows, more filters and a CSV export: the <Link href={`/staff/audit?organization=${organizationId}`} className="text-brand-700 hover:underline">audit log</Link>.</p>
    </>
  );
}
