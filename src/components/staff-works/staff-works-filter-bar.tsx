import Link from "next/link";
import { PURPOSES, PURPOSE_LABELS, WORK_TYPES, WORK_TYPE_LABELS } from "@/lib/works/work-input";
import { staffWorkQueryString, type StaffWorkQuery } from "@/server/repertoire/staff-work-search.schema";
import { buttonClasses } from "../ui/button";

const SELECT = "rounded-lg border-0 py-2 pl-3 pr-8 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500";

function Select({ label, name, value, options }: { label: string; name: string; value: string | undefined; options: [string, string][] }) {
  return (
    <label className="text-sm">
      <span className="sr-only">{label}</span>
      <select name={name} defaultValue={value ?? ""} aria-label={label} className={SELECT}>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </label>
  );
}

/** The search box and filters, as a GET form: every search is a link that can be shared. */
export function StaffWorksFilterBar({ query, rightsholderName }: { query: StaffWorkQuery; rightsholderName: string | null }) {
  return (
    <form method="get" action="/staff/works" role="search" className="mb-4 space-y-3">
      <div className="flex flex-wrap gap-2">
        <label htmlFor="q" className="sr-only">Title, contributor, publisher or identifier</label>
        <input id="q" name="q" type="search" defaultValue={query.q} placeholder="Title, contributor, publisher, ISBN, ISSN, DOI or URL"
          className="w-full max-w-xl rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500" />
        <button type="submit" className={buttonClasses("primary")}>Search</button>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Select label="Status" name="status" value={query.status} options={[["", "Any status"], ["ENROLLED", "Enrolled"], ["SUSPENDED", "Suspended"], ["MERGED", "Merged"]]} />
        <Select label="Type" name="type" value={query.type} options={[["", "Any type"], ...WORK_TYPES.map((t): [string, string] => [t, WORK_TYPE_LABELS[t]])]} />
        <Select label="Purpose" name="purpose" value={query.purpose} options={[["", "Any purpose"], ...PURPOSES.map((p): [string, string] => [p, `Permits ${PURPOSE_LABELS[p].toLowerCase()}`])]} />
        {query.rightsholderId ? (
          <span className="inline-flex items-center gap-2 rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-800">
            <input type="hidden" name="rightsholderId" value={query.rightsholderId} />
            Rightsholder: {rightsholderName ?? "unknown"}
            <Link href={`/staff/works?${staffWorkQueryString({ ...query, rightsholderId: undefined, page: 1, after: undefined })}`} className="font-semibold hover:underline" aria-label="Any rightsholder">×</Link>
          </span>
        ) : null}
        <Link href="/staff/works" className={buttonClasses("ghost")}>Clear</Link>
      </div>
      <p className="text-xs text-slate-500">
        Every word must appear in the title, a contributor or the publisher; end a word with * to match its beginning (hist* finds history and
        historian). An identifier in any usual form finds its work. Click a rightsholder in the results to see only its works.
      </p>
    </form>
  );
}
