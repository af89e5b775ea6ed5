"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center gap-4 px-4 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">Something went wrong on our side</h1>
      <p className="max-w-md text-sm text-slate-600">Nothing you entered was half-saved. Try again; if it keeps happening, contact support.</p>
      <button type="button" onClick={reset} className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
        Try again
      </button>
    </div>
  );
}
