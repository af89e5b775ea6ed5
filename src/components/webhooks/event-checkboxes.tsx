import type { EventOption } from "./webhook-labels";

/** The events an endpoint listens to, one checkbox each, with what each means. */
export function EventCheckboxes({ options, chosen, errors }: { options: EventOption[]; chosen: string[]; errors?: string[] }) {
  return (
    <fieldset aria-describedby={errors ? "events-error" : undefined}>
      <legend className="text-sm font-medium text-slate-800">Events</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {options.map((option) => (
          <label
            key={option.value}
            className="flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-inset ring-slate-200 hover:bg-slate-50 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-500/50"
          >
            <input type="checkbox" name="events" value={option.value} defaultChecked={chosen.includes(option.value)} className="mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-brand-600" />
            <span className="min-w-0">
              <span className="block text-sm font-medium text-slate-900">{option.label}</span>
              <code className="text-xs text-slate-500">{option.value}</code>
              <span className="mt-0.5 block text-xs text-slate-600">{option.description}</span>
            </span>
          </label>
        ))}
      </div>
      {errors ? (
        <p id="events-error" className="mt-1 text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
