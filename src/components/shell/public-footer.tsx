/** The public pages' footer. */
export function PublicFooter() {
  return (
    <footer className="border-t border-slate-200 py-8 text-center text-xs text-slate-500">
      Clearway · a voluntary, non-exclusive collective license for AI training
    </footer>
  );
}
