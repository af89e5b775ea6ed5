import { INPUT_COLUMNS } from "@/server/coverage/coverage-checks.schema";

const RESULT_COLUMN_HELP: [name: string, what: string][] = [
  ["line", "The line of your file."],
  ["identifier", "What the line gave."],
  ["identifier_type, normalized_identifier", "How it was read: ISBN13, ISSN, DOI or URL, in normal form."],
  ["purpose, date", "What it was checked for."],
  ["covered", "yes or no."],
  ["reason", "COVERED, NO_ACTIVE_LICENSE, NOT_ENROLLED, EXCLUDED, PURPOSE_NOT_PERMITTED, DISPUTED, or INVALID for a line that could not be read."],
  ["message", "The reason in words."],
  ["work_title, rightsholder", "The work the identifier names, when one does."],
];

const Code = ({ children }: { children: React.ReactNode }) => <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-800">{children}</code>;

/** What a bulk file may hold. */
export function CoverageInputFormat() {
  return (
    <div className="space-y-3 text-sm text-slate-700">
      <p>A plain list works: one identifier per line, nothing else. To vary the purpose or date per line, add a header row with these columns (others are ignored):</p>
      <dl className="space-y-2">
        {INPUT_COLUMNS.map((c) => (
          <div key={c.name}>
            <dt><Code>{c.name}</Code></dt>
            <dd className="mt-0.5 text-slate-600">{c.description} <span className="text-slate-500">e.g. {c.example}</span></dd>
          </div>
        ))}
      </dl>
      <p className="text-slate-600">Empty lines are skipped. A line that can&apos;t be read is answered <Code>INVALID</Code> with the reason; the rest of the file still counts.</p>
    </div>
  );
}

/** The result file's columns. */
export function CoverageResultColumns() {
  return (
    <dl className="space-y-2 text-sm">
      {RESULT_COLUMN_HELP.map(([name, what]) => (
        <div key={name}>
          <dt><Code>{name}</Code></dt>
          <dd className="mt-0.5 text-slate-600">{what}</dd>
        </div>
      ))}
    </dl>
  );
}
