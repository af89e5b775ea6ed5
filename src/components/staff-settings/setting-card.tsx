import { withdrawSettingValueAction } from "@/app/_actions/staff-operations";
import { formatDateTime, formatDay } from "@/lib/dates";
import type { SettingOverview } from "@/server/settings/settings.queries";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { DataTable } from "../ui/data-table";
import { ReasonForm } from "./reason-form";
import { SettingValueForm } from "./setting-value-form";

const TONE = { "in-force": "green", scheduled: "amber", past: "neutral" } as const;
const LABEL = { "in-force": "In force", scheduled: "Scheduled", past: "Past" } as const;

/** One setting: the value in force, what the runs make of it, what is scheduled, its history. */
export function SettingCard({ setting, today, isAdmin }: { setting: SettingOverview; today: string; isAdmin: boolean }) {
  const { definition, inForce } = setting;
  return (
    <Card>
      <div className="flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="max-w-2xl">
          <h2 className="text-base font-semibold text-slate-900">{definition.label}</h2>
          <p className="mt-1 text-sm text-slate-600">{definition.description}</p>
        </div>
        <div className="shrink-0 text-left lg:text-right" data-testid={`in-force-${setting.key}`}>
          <p className="text-2xl font-semibold tabular-nums text-slate-900">{inForce.display}</p>
          <p className="text-xs text-slate-500">
            {inForce.since ? `In force since ${formatDay(inForce.since)}${inForce.createdByName ? `, set by ${inForce.createdByName}` : ""}` : "The default: no value was ever set"}
          </p>
        </div>
      </div>

      <ul className="mt-4 space-y-1 text-sm text-slate-700" data-testid={`uses-${setting.key}`}>
        {setting.uses.map((use) => <li key={use} className="flex gap-2"><span aria-hidden className="text-slate-400">→</span><span>{use}</span></li>)}
      </ul>

      {setting.scheduled.length > 0 ? (
        <div className="mt-4 space-y-3">
          <h3 className="text-sm font-semibold text-slate-900">Scheduled</h3>
          {setting.scheduled.map((row) => (
            <div key={row.id} className="rounded-lg bg-amber-50 p-3 ring-1 ring-amber-200" data-testid="scheduled-value">
              <p className="text-sm text-slate-900"><span className="font-semibold">{row.display}</span> from {formatDay(row.effectiveFrom)}. {row.firstRun}</p>
              <p className="mt-0.5 text-xs text-slate-600">{row.reason}{row.createdByName ? ` · ${row.createdByName}` : ""}</p>
              {isAdmin && row.effectiveFrom > today ? (
                <div className="mt-2">
                  <ReasonForm action={withdrawSettingValueAction} fields={{ settingId: row.id }} summary="Withdraw this value…" label="Withdraw" pendingLabel="Withdrawing…" variant="danger" placeholder="Why it will not apply after all" />
                </div>
              ) : null}
            </div>
          ))}
        </div>
      ) : null}

      {isAdmin ? (
        <div className="mt-5 border-t border-slate-100 pt-4">
          <SettingValueForm settingKey={setting.key} current={inForce.inputValue} inputHint={definition.inputHint} today={today} />
        </div>
      ) : null}

      <details className="mt-5 text-sm">
        <summary className="cursor-pointer select-none font-medium text-brand-700 hover:underline">History ({setting.history.length} value{setting.history.length === 1 ? "" : "s"})</summary>
        <div className="mt-3">
          {setting.history.length === 0 ? <p className="text-slate-600">No value was ever added: the default applies.</p> : (
            <DataTable columns={[{ label: "Value" }, { label: "Effective from" }, { label: "Reason", className: "hidden md:table-cell" }, { label: "Who" }, { label: "Recorded", className: "hidden lg:table-cell" }]}>
              {setting.history.map((row) => (
                <tr key={row.id}>
                  <td className="px-4 py-2 font-medium tabular-nums text-slate-900">{row.display} <Badge tone={TONE[row.status]}>{LABEL[row.status]}</Badge></td>
                  <td className="whitespace-nowrap px-4 py-2 text-slate-700">{formatDay(row.effectiveFrom)}</td>
                  <td className="hidden px-4 py-2 text-slate-600 md:table-cell">{row.reason ?? "—"}</td>
                  <td className="px-4 py-2 text-slate-600">{row.createdByName ?? "First data"}</td>
                  <td className="hidden whitespace-nowrap px-4 py-2 text-slate-500 lg:table-cell">{formatDateTime(row.createdAt)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </div>
      </details>
    </Card>
  );
}
