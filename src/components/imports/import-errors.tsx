import type { ImportErrorRow } from "@/server/imports/imports.queries";
import { buttonClasses } from "../ui/button";
import { formatCount } from "./import-status";

/** The first problem lines of an import, and the whole list as a CSV file. */
export function ImportErrors({ importId, errors, total }: { importId: string; errors: ImportErrorRow[]; total: number }) {
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-600">
          {total > errors.length
            ? `The first ${formatCount(errors.length)} of ${formatCount(total)}, by line. The file has them all.`
            : `${formatCount(total)} line${total === 1 ? "" : "s"}, by line number in your file.`}{" "}
          Fix them in your file and upload it again: rows already imported show as unchanged.
        </p>
        <a href={`/api/works-imports/${importId}/errors`} download className={buttonClasses("secondary", "shrink-0")} data-testid="download-errors">
          Download the error file (CSV)
        </a>
      </div>
      <div className="-mx-5 overflow-x-auto sm:mx-0">
        <table className="min-w-full text-left text-sm" data-testid="import-errors">
          <thead>
            <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <th scope="col" className="px-5 py-2 font-medium sm:pl-0">Line</th>
              <th scope="col" className="px-3 py-2 font-medium">Problem</th>
              <th scope="col" className="px-3 py-2 font-medium">As written</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {errors.map((error) => (
              <tr key={error.id} className="align-top">
                <td className="px-5 py-2 tabular-nums text-slate-900 sm:pl-0">{error.lineNumber}</td>
                <td className="min-w-64 px-3 py-2 text-slate-800">{error.reason}</td>
                <td className="px-3 py-2">
                  <code className="block max-w-xs truncate text-xs text-slate-500 lg:max-w-md" title={error.rawLine ?? ""}>
                    {error.rawLine || "—"}
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
