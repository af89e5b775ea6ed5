import Link from "next/link";
import { IDENTIFIER_LABELS, WORK_TYPE_LABELS, type WorkTypeCode } from "@/lib/works/work-input";
import type { IdentifierKind } from "@/lib/identifiers";
import { Badge } from "../ui/badge";

type CardWork = {
  id: number;
  title: string;
  contributors: string[];
  type: string;
  publicationYear: number | null;
  publisher?: string | null;
  status?: string;
  identifiers?: { type: string; value: string }[];
};

/** One side of a dispute. `href` only for the viewer's own work (or for staff). */
export function DisputeWorkCard({
  role,
  organizationName,
  work,
  href,
  isOwn,
  children,
}: {
  role: string;
  organizationName: string;
  work: CardWork | null;
  href?: string;
  isOwn?: boolean;
  children?: React.ReactNode;
}) {
  return (
    <section className="flex flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{role}</p>
      <p className="mt-1 flex items-center gap-2 font-medium text-slate-900">
        {organizationName}
        {isOwn ? <Badge tone="brand">You</Badge> : null}
      </p>
      {work ? (
        <dl className="mt-4 space-y-2 text-sm">
          <div>
            <dt className="text-slate-500">Work</dt>
            <dd className="font-medium text-slate-900">
              {href ? <Link href={href} className="text-brand-700 hover:underline">{work.title}</Link> : work.title}
              <span className="font-normal text-slate-500"> · #{work.id}</span>
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Contributors</dt>
            <dd className="text-slate-800">{work.contributors.length ? work.contributors.join(", ") : "—"}</dd>
          </div>
          <div className="flex gap-6">
            <div>
              <dt className="text-slate-500">Type</dt>
              <dd className="text-slate-800">{WORK_TYPE_LABELS[work.type as WorkTypeCode] ?? work.type}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Year</dt>
              <dd className="text-slate-800">{work.publicationYear ?? "—"}</dd>
            </div>
            {work.status && work.status !== "ENROLLED" ? (
              <div>
                <dt className="text-slate-500">Status</dt>
                <dd className="text-slate-800">{work.status.toLowerCase()}</dd>
              </div>
            ) : null}
          </div>
          {work.publisher !== undefined ? (
            <div>
              <dt className="text-slate-500">Publisher</dt>
              <dd className="text-slate-800">{work.publisher ?? "—"}</dd>
            </div>
          ) : null}
          {work.identifiers ? (
            <div>
              <dt className="text-slate-500">Identifiers on this work</dt>
              <dd className="text-slate-800">
                {work.identifiers.length === 0 ? "none" : (
                  <ul className="space-y-0.5">
                    {work.identifiers.map((i) => (
                      <li key={`${i.type}:${i.value}`}>
                        {IDENTIFIER_LABELS[i.type as IdentifierKind] ?? i.type} <code className="text-xs">{i.value}</code>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          ) : null}
        </dl>
      ) : (
        <p className="mt-4 text-sm text-slate-600">No work on file for this side.</p>
      )}
      {children}
    </section>
  );
}
