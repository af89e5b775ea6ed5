import Link from "next/link";
import { PURPOSES, PURPOSE_LABELS, WORK_TYPES, WORK_TYPE_LABELS } from "@/lib/works/work-input";
import { EXCLUSION_FILTERS, EXCLUSION_FILTER_LABELS, WORK_SORTS, WORK_SORT_LABELS, type WorksFilters } from "@/server/works/works.schema";
import { buttonClasses } from "../ui/button";

const CONTROL = "block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-500";

function Select({ label, name, value, options }: { label: string; name: string; value: string | undefined; options: Array<[string, string]> }) {
  return (
    <label className="block text-xs font-medium text-slate-600">
      {label}
      <select name={name} defaultValue={value ?? ""} className={`${CONTROL} mt-1 pr-8`}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Search, filters and sort, as a plain GET form: every state of the list has its own URL. */
export function WorksFilterBar({ filters, isFiltered }: { filters: WorksFilters; isFiltered: boolean }) {
  return (
    <form role="search" aria-label="Search and filter works" className="mb-4 space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-col gap-2 sm:flex-row">
        <label className="sr-only" htmlFor="works-q">
          Search by title or identifier
        </label>
        <input
          id="works-q"
          name="q"
          type="search"
          defaultValue={filters.q}
          placeholder="Search by title words or an ISBN, ISSN, DOI or URL"
          className={`${CONTROL} flex-1`}
        />
        <button className={buttonClasses("primary")}>Search</button>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <Select label="Status" name="status" value={filters.status} options={[["", "Any status"], ["ENROLLED", "Enrolled"], ["SUSPENDED", "Suspended"], ["MERGED", "Merged"]]} />
        <Select label="Purpose" name="purpose" value={filters.purpose} options={[["", "Any purpose"], ...PURPOSES.map((p): [string, string] => [p, `Permits ${PURPOSE_LABELS[p].toLowerCase()}`])]} />
        <Select label="Type" name="type" value={filters.type} options={[["", "Any type"], ...WORK_TYPES.map((t): [string, string] => [t, WORK_TYPE_LABELS[t]])]} />
        <Select label="Exclusion" name="excluded" value={filters.excluded} options={[["", "Any"], ...EXCLUSION_FILTERS.map((e): [string, string] => [e, EXCLUSION_FILTER_LABELS[e]])]} />
        <Select label="Sort" name="sort" value={filters.sort} options={WORK_SORTS.map((s): [string, string] => [s, WORK_SORT_LABELS[s]])} />
      </div>
      <div className="flex items-center gap-3">
        <button className={buttonClasses("secondary", "px-3 py-1.5")}>Apply filters</button>
        {isFiltered ? (
          <Link href="/rightsholder/works" className="text-sm font-medium text-slate-600 hover:text-slate-900 hover:underline">
            Clear all
          </Link>
        ) : null}
      </div>
    </form>
  );
}
