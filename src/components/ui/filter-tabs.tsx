/** A row of pill links that filter a list through the query string; the current one is marked. */
export function FilterTabs({ basePath, param = "status", current, options }: { basePath: string; param?: string; current: string; options: readonly { value: string; label: string }[] }) {
  return (
    <nav aria-label={`Filter by ${param}`} className="mb-4 flex flex-wrap gap-2">
      {options.map((o) => (
        <a
          key={o.value}
          href={`${basePath}?${param}=${encodeURIComponent(o.value)}`}
          aria-current={current === o.value ? "page" : undefined}
          className={
            current === o.value
              ? "rounded-full bg-brand-600 px-3 py-1 text-sm font-medium text-white"
              : "rounded-full bg-white px-3 py-1 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
          }
        >
          {o.label}
        </a>
      ))}
    </nav>
  );
}
