import { formatCents } from "@/lib/pricing/price-license";
import type { ReconciliationCheck } from "@/server/distribution/reconciliation";
import { Badge } from "../ui/badge";

const number = new Intl.NumberFormat("en-US");
const show = (check: ReconciliationCheck, value: bigint) => (check.unit === "cents" ? formatCents(value) : number.format(value));

function CheckRow({ check }: { check: ReconciliationCheck }) {
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:gap-4" data-check={check.key} data-passed={check.passed}>
      <span className="shrink-0 sm:w-16">{check.passed ? <Badge tone="green">Pass</Badge> : <Badge tone="red">Fail</Badge>}</span>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium text-slate-900">{check.label}</p>
        <p className={`mt-0.5 text-sm ${check.passed ? "text-slate-600" : "text-red-700"}`}>{check.detail}</p>
      </div>
      <dl className="grid shrink-0 grid-cols-2 gap-x-4 text-right text-sm tabular-nums sm:w-64">
        <dt className="text-xs text-slate-500">Expected</dt>
        <dt className="text-xs text-slate-500">Actual</dt>
        <dd className="text-slate-900">{show(check, check.expected)}</dd>
        <dd className={check.passed ? "text-slate-900" : "font-semibold text-red-700"}>{show(check, check.actual)}</dd>
      </dl>
    </li>
  );
}

/**
 * The run's invariants, each a passing or failing check with the figures behind it. Failing
 * checks are listed first and open; the passing ones fold away under one line, since a reviewer
 * reads them once and the page also carries the payouts and statements.
 */
export function ReconciliationList({ checks }: { checks: ReconciliationCheck[] }) {
  const failing = checks.filter((c) => !c.passed);
  const passing = checks.filter((c) => c.passed);
  return (
    <>
      <p className={`mb-4 text-sm font-medium ${failing.length === 0 ? "text-emerald-700" : "text-red-700"}`} data-testid="reconciliation-summary">
        {failing.length === 0
          ? `All ${checks.length} checks pass.`
          : `${failing.length} of ${checks.length} checks fail. Do not approve until they pass: recalculate, or find what changed.`}
      </p>
      <ul className="divide-y divide-slate-100" data-testid="reconciliation-checks">
        {failing.map((check) => <CheckRow key={check.key} check={check} />)}
      </ul>
      {passing.length > 0 ? (
        <details className="group mt-2 border-t border-slate-100 pt-3" data-testid="reconciliation-passing">
          <summary className="cursor-pointer text-sm font-medium text-brand-700 hover:underline">
            <span className="group-open:hidden">Show</span><span className="hidden group-open:inline">Hide</span> the {passing.length} passing check{passing.length === 1 ? "" : "s"}
          </summary>
          <ul className="divide-y divide-slate-100">
            {passing.map((check) => <CheckRow key={check.key} check={check} />)}
          </ul>
        </details>
      ) : null}
    </>
  );
}
