import Link from "next/link";
import type { StaffWorkSearch } from "@/server/repertoire/staff-work-search";
import { staffWorkQueryString } from "@/server/repertoire/staff-work-search.schema";

/** Search results page by number (the ranked set is small); browsing goes on after the last id. */
export function StaffWorksPager({ search }: { search: StaffWorkSearch }) {
  const link = (extra: { page?: number; after?: number }) => `/staff/works?${staffWorkQueryString({ ...search.query, page: 1, after: undefined, ...extra })}`;
  if (search.mode === "browse") {
    return (
      <nav className="mt-4 flex gap-3 text-sm" aria-label="Pages">
        {search.query.after ? <Link href={link({})} className="text-brand-700 hover:underline">← Newest</Link> : null}
        {search.nextAfter ? <Link href={link({ after: search.nextAfter })} className="text-brand-700 hover:underline">Older →</Link> : null}
      </nav>
    );
  }
  const { page } = search;
  return (
    <nav className="mt-4 flex flex-wrap items-center gap-3 text-sm" aria-label="Pages">
      {page > 1 ? <Link href={link({ page: page - 1 })} className="text-brand-700 hover:underline">← Previous</Link> : null}
      <span className="text-slate-500">Page {page}</span>
      {search.hasNext ? <Link href={link({ page: page + 1 })} className="text-brand-700 hover:underline">Next →</Link> : null}
    </nav>
  );
}
