import type { Metadata } from "next";
import Link from "next/link";
import { PublicFooter } from "@/components/shell/public-footer";
import { PublicHeader } from "@/components/shell/public-header";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { IDENTIFIER_LABELS } from "@/lib/works/work-input";
import { getActor } from "@/server/auth/session";
import { searchPublicRepertoire } from "@/server/repertoire/public-repertoire.queries";

export const metadata: Metadata = { title: "Repertoire" };

const TYPE_LABELS: Record<string, string> = { BOOK: "Book", JOURNAL: "Journal", JOURNAL_ARTICLE: "Journal article", NEWS: "News", OTHER: "Other" };

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** Public: is a work in the licensed repertoire? Titles and identifiers only. */
export default async function RepertoirePage({ searchParams }: { searchParams: Promise<Params> }) {
  const [actor, params] = await Promise.all([getActor(), searchParams]);
  const q = one(params.q).slice(0, 200);
  const after = /^\d{1,10}$/.test(one(params.after)) ? Number(one(params.after)) : null;
  const result = q ? await searchPublicRepertoire(q, after) : null;
  return (
    <div className="min-h-screen bg-slate-50">
      <div className="bg-white">
        <PublicHeader isSignedIn={actor !== null} />
      </div>
      <main className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">The repertoire</h1>
        <p className="mt-2 max-w-3xl text-slate-600">
          The works rightsholders have enrolled in the collective license today. Search by title words or by an ISBN, ISSN, DOI or URL. A
          licensee&apos;s own coverage (by purpose and date) is in its portal.
        </p>
        <form method="get" action="/repertoire" className="mt-6 flex gap-2" role="search">
          <label htmlFor="q" className="sr-only">Title words or an identifier</label>
          <input
            id="q"
            name="q"
            defaultValue={q}
            placeholder="Title words, or an ISBN, ISSN, DOI or URL"
            className="block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-500"
          />
          <button type="submit" className={buttonClasses("primary")}>Search</button>
        </form>
        {result?.identifierProblem ? (
          <p className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">“{q}” looks like an identifier, but: {result.identifierProblem}</p>
        ) : null}
        {result ? (
          <Card className="mt-6">
            {result.works.length === 0 ? (
              <p className="text-sm text-slate-600" data-testid="repertoire-results">No work in the repertoire matches “{q}”.</p>
            ) : (
              <ul className="divide-y divide-slate-100" data-testid="repertoire-results">
                {result.works.map((work) => (
                  <li key={work.id} className="py-3">
                    <p className="font-medium text-slate-900">{work.title}</p>
                    <p className="mt-0.5 text-sm text-slate-600">
                      {TYPE_LABELS[work.type] ?? work.type}
                      {work.publicationYear ? ` · ${work.publicationYear}` : ""}
                      {work.identifiers.map((i) => (
                        <span key={`${i.type}:${i.value}`} className="ml-2 font-mono text-xs text-slate-500">{IDENTIFIER_LABELS[i.type]} {i.value}</span>
                      ))}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {result.nextAfter !== null ? (
              <div className="mt-4 flex justify-end">
                <Link rel="next" className={buttonClasses("secondary")} href={`/repertoire?q=${encodeURIComponent(q)}&after=${result.nextAfter}`}>More results →</Link>
              </div>
            ) : null}
          </Card>
        ) : null}
      </main>
      <PublicFooter />
    </div>
  );
}
