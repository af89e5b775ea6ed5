import type { Metadata } from "next";
import Link from "next/link";
import { AuditEntry } from "@/components/audit/audit-entry";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditLog } from "@/server/audit/audit.queries";
import { auditFilterQuery } from "@/server/audit/audit.schema";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";

export const metadata: Metadata = { title: "Audit log" };

const INPUT = "mt-1 block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500";
const FIELDS = [
  { name: "actor", label: "Actor", placeholder: "Email, user id, or staff / system / user / api-key" },
  { name: "organization", label: "Organisation", placeholder: "Exact name or id" },
  { name: "entityType", label: "Entity type", placeholder: "LicenseGrant, Work, Setting…" },
  { name: "entityId", label: "Entity id", placeholder: "The entity's id" },
  { name: "action", label: "Action starts with", placeholder: "license. or setting.value" },
] as const;

export default async function StaffAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("/staff/audit", can.readStaffArea);
  const params = await searchParams;
  const result = await listAuditLog(actor, params);
  const { filters } = result;
  const query = auditFilterQuery(filters);
  const pageHref = (cursor: string, dir: "older" | "newer") => `/staff/audit?${auditFilterQuery(filters, { cursor, dir })}`;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every state change and money movement: who, what, when, before and after. Newest first; open a row to see what changed."
        actions={<a href={`/staff/audit/export${query ? `?${query}` : ""}`} className={buttonClasses("secondary")} data-testid="audit-export">Download CSV</a>}
      />
      <form className="mb-4 grid gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4" role="search">
        {FIELDS.map((f) => (
          <label key={f.name} className="text-sm font-medium text-slate-800">
            {f.label}
            <input name={f.name} defaultValue={filters[f.name] ?? ""} placeholder={f.placeholder} className={INPUT} />
          </label>
        ))}
        <label className="text-sm font-medium text-slate-800">From<input type="date" name="from" defaultValue={filters.from ?? ""} className={INPUT} /></label>
        <label className="text-sm font-medium text-slate-800">To (inclusive)<input type="date" name="to" defaultValue={filters.to ?? ""} className={INPUT} /></label>
        <div className="flex items-end gap-2">
          <button className={buttonClasses("primary")}>Filter</button>
          {query ? <Link href="/staff/audit" className={buttonClasses("ghost")}>Clear</Link> : null}
        </div>
      </form>
      {result.notes.map((note) => <p key={note} role="status" className="mb-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">{note}</p>)}
      {result.rows.length === 0 ? (
        <EmptyState title="No audit rows match">Widen the filters, or clear them to see the newest rows.</EmptyState>
      ) : (
        <div className="divide-y divide-slate-100 overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200" data-testid="audit-rows">
          {result.rows.map((row) => <AuditEntry key={row.id} row={row} />)}
        </div>
      )}
      <nav className="mt-4 flex items-center justify-between text-sm text-slate-600" aria-label="Pages">
        <span>{result.rows.length} row{result.rows.length === 1 ? "" : "s"} on this page</span>
        <span className="flex gap-2">
          {result.newerCursor ? <Link className={buttonClasses("secondary")} href={pageHref(result.newerCursor, "newer")}>Newer</Link> : null}
          {filters.cursor ? <Link className={buttonClasses("secondary")} href={`/staff/audit${query ? `?${query}` : ""}`}>Newest</Link> : null}
          {result.olderCursor ? <Link className={buttonClasses("secondary")} href={pageHref(result.olderCursor, "older")}>Older</Link> : null}
        </span>
      </nav>
    </>
  );
}
