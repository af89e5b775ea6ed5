import Link from "next/link";

export const LICENSEE_TABS = [
  { value: "profile", label: "Profile" },
  { value: "members", label: "Members" },
  { value: "grants", label: "Licenses" },
  { value: "usage", label: "Usage reports" },
  { value: "coverage", label: "Coverage checks" },
  { value: "api-keys", label: "API keys" },
  { value: "audit", label: "Audit" },
] as const;

export const RIGHTSHOLDER_TABS = [
  { value: "profile", label: "Profile" },
  { value: "members", label: "Members" },
  { value: "statements", label: "Statements" },
  { value: "disputes", label: "Disputes" },
  { value: "api-keys", label: "API keys" },
  { value: "audit", label: "Audit" },
] as const;

export type OrganizationTab = (typeof LICENSEE_TABS)[number]["value"] | (typeof RIGHTSHOLDER_TABS)[number]["value"];

/** The organisation's sections as tabs: links in the query string, so each one is a page of its own. */
export function OrganizationTabs({ basePath, current, tabs }: { basePath: string; current: string; tabs: readonly { value: string; label: string }[] }) {
  return (
    <nav aria-label="Sections" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab.value}
          href={tab.value === "profile" ? basePath : `${basePath}?tab=${tab.value}`}
          aria-current={current === tab.value ? "page" : undefined}
          className={
            current === tab.value
              ? "-mb-px border-b-2 border-brand-600 px-3 py-2 text-sm font-semibold text-brand-700"
              : "-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:border-slate-300 hover:text-slate-900"
          }
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
