import { CSV_COLUMNS } from "@/server/imports/imports.schema";
import { buttonClasses } from "../ui/button";

/** The documented CSV columns, the template, and what is read from ONIX. */
export function CsvColumns() {
  return (
    <div className="space-y-5">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="max-w-2xl text-sm text-slate-600">
          One row per work, with a header row naming the columns (any order, any case). Only <strong>title</strong> and one identifier are
          required; leave a column out or blank when you have nothing for it. Save from Excel as <strong>CSV UTF-8</strong>. A file
          exported from the works list imports as it is: its <strong>id</strong> and <strong>status</strong> columns are read past.
        </p>
        <a href="/api/works-imports/template" download className={buttonClasses("secondary", "shrink-0")}>
          Download the template
        </a>
      </div>
      <div className="-mx-5 overflow-x-auto sm:mx-0">
        <table className="min-w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <th scope="col" className="px-5 py-2 font-medium sm:pl-0">Column</th>
              <th scope="col" className="px-3 py-2 font-medium">What goes in it</th>
              <th scope="col" className="px-3 py-2 font-medium">Example</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {CSV_COLUMNS.map((column) => (
              <tr key={column.name} className="align-top">
                <td className="whitespace-nowrap px-5 py-2 sm:pl-0">
                  <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">{column.name}</code>
                </td>
                <td className="min-w-56 px-3 py-2 text-slate-700">{column.description}</td>
                <td className="whitespace-nowrap px-3 py-2 font-mono text-xs text-slate-600">{column.example || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600">
        <li>Several identifiers of one kind (a hardback and a paperback ISBN) go in one cell, separated by &quot;;&quot;.</li>
        <li>A row whose identifier is already one of your works updates that work; importing the same file again changes nothing.</li>
        <li>
          Cells starting with <code>=</code>, <code>+</code>, <code>-</code> or <code>@</code> are refused, as spreadsheets would run them as formulas; put an
          apostrophe in front (<code>&apos;-</code>) to keep one as text.
        </li>
        <li>
          <strong>ONIX 3.0</strong> (reference or short tags): each Product&apos;s ISBN-13 (ProductIDType 15), ISBN-10 (02) or DOI (06), the series ISSN,
          title and subtitle, contributors, publisher and publication year are read.
        </li>
      </ul>
    </div>
  );
}
