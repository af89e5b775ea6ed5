import Link from "next/link";

/** Earlier/later links for an offset-paged list; `hrefFor` keeps the rest of the query. */
export function Pager({ page, hasNext, hrefFor, previousLabel = "← Previous", nextLabel = "Next →" }: {
  page: number; hasNext: boolean; hrefFor: (page: number) => string; previousLabel?: string; nextLabel?: string;
}) {
  if (page <= 1 && !hasNext) return null;
  return (
    <nav className="mt-4 flex gap-3 text-sm" aria-label="Pages">
      {page > 1 ? <Link href={hrefFor(page - 1)} className="text-brand-700 hover:underline">{previousLabel}</Link> : null}
      <span className="text-slate-500">Page {page}</span>
      {hasNext ? <Link href={hrefFor(page + 1)} className="text-brand-700 hover:underline">{nextLabel}</Link> : null}
    </nav>
  );
}
