"use client";

import { useRef, useState } from "react";

/**
 * The ticked boxes named `name` inside a form whose rows the page renders (server components):
 * counted on every change of the form, with a "select all on this page" box. Give the form
 * `ref={formRef}` and `onChange={recount}`.
 */
export function useCheckboxSelection(name: string) {
  const formRef = useRef<HTMLFormElement>(null);
  const [selection, setSelection] = useState({ selected: 0, isAll: false });
  const boxes = () => [...(formRef.current?.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`) ?? [])];
  const recount = () => {
    const all = boxes();
    const selected = all.filter((b) => b.checked).length;
    setSelection({ selected, isAll: selected > 0 && selected === all.length });
  };
  const setAll = (checked: boolean) => {
    for (const box of boxes()) box.checked = checked;
    recount();
  };
  /** After the ticked rows left the page (the action succeeded): nothing is ticked. */
  const clear = () => setSelection({ selected: 0, isAll: false });
  return { formRef, ...selection, recount, setAll, clear };
}

/** The "select all on this page" box and the count, above the rows. */
export function SelectAllOnPage({ label, selected, isAll, setAll }: { label: string; selected: number; isAll: boolean; setAll: (checked: boolean) => void }) {
  return (
    <div className="mb-3 flex flex-wrap items-center gap-3 text-sm">
      <label className="inline-flex items-center gap-2 text-slate-700">
        <input type="checkbox" aria-label={label} checked={isAll} onChange={(event) => setAll(event.target.checked)} />
        Select all on this page
      </label>
      <span className="text-slate-500" aria-live="polite">{selected} selected</span>
    </div>
  );
}
