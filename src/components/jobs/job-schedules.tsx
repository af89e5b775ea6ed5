import { setJobScheduleEnabledAction } from "@/app/_actions/staff-operations";
import { formatDateTime } from "@/lib/dates";
import { Badge } from "../ui/badge";
import { DataTable } from "../ui/data-table";
import { ReasonForm } from "../staff-settings/reason-form";

type ScheduleRow = { name: string; cron: string; jobName: string | null; lastRunAt: Date | null; nextRunAt: Date | null; isEnabled: boolean; isInCode: boolean; hasRow: boolean };

/** The recurring schedules, with ADMIN's switch (a reason each time). */
export function JobSchedules({ schedules, isAdmin }: { schedules: ScheduleRow[]; isAdmin: boolean }) {
  if (schedules.length === 0) return <p className="text-sm text-slate-600">No schedule yet: the worker writes them when it starts.</p>;
  return (
    <DataTable columns={[{ label: "Schedule" }, { label: "Cron (UTC)" }, { label: "Last run", className: "hidden md:table-cell" }, { label: "Next run" }, { label: "State" }]}>
      {schedules.map((s) => (
        <tr key={s.name} data-testid="job-schedule">
          <td className="px-4 py-3 align-top">
            <span className="font-mono text-sm text-slate-900">{s.name}</span>
            {s.jobName && s.jobName !== s.name ? <span className="block text-xs text-slate-500">runs {s.jobName}</span> : null}
            {!s.isInCode ? <span className="block text-xs text-amber-700">No longer in the code: nothing enqueues it.</span> : null}
          </td>
          <td className="px-4 py-3 align-top font-mono text-xs text-slate-700">{s.cron}</td>
          <td className="hidden px-4 py-3 align-top text-slate-600 md:table-cell">{s.lastRunAt ? formatDateTime(s.lastRunAt) : "—"}</td>
          <td className="px-4 py-3 align-top text-slate-600">{s.isEnabled && s.nextRunAt ? formatDateTime(s.nextRunAt) : s.hasRow ? "—" : "When the worker starts"}</td>
          <td className="px-4 py-3 align-top">
            <Badge tone={s.isEnabled ? "green" : "neutral"}>{s.isEnabled ? "enabled" : "disabled"}</Badge>
            {isAdmin && s.hasRow ? (
              <div className="mt-2">
                <ReasonForm
                  action={setJobScheduleEnabledAction}
                  fields={{ name: s.name, enabled: s.isEnabled ? "false" : "true" }}
                  summary={s.isEnabled ? "Disable…" : "Enable…"}
                  label={s.isEnabled ? "Disable the schedule" : "Enable the schedule"}
                  variant={s.isEnabled ? "danger" : "primary"}
                  note={s.isEnabled ? "Jobs already queued still run; no new ones are enqueued." : "The next run is the first slot from now; missed slots are not made up."}
                />
              </div>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
