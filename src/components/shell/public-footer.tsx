import Link from "next/link";

/** The public pages' footer, with the public pages a visitor may look for. */
export function PublicFooter() {
  return (
    <footer className="border-t border-slate-200 py-8 text-center text-xs text-slate-500">
      <nav className="mb-2 flex justify-center gap-4" aria-label="Public pages">
        <Link href="/repertoire" className="hover:text-slate-800 hover:underline">Repertoire</Link>
        <Link href="/pricing" className="hover:text-slate-800 hover:underline">Pricing</Link>
        <Link href="/terms" className="hover:text-slate-800 hover:underline">License terms</Link>
        <Link href="/developers/api" className="hover:text-slate-800 hover:underline">API</Link>
      </nav>
      Clearway · a voluntary, non-exclusive collective license for AI training
    </footer>
  );
}
