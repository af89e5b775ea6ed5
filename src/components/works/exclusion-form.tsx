"use client";

import { useActionState, useState } from "react";
import { setWorkExclusionAction } from "@/app/_actions/works";
import { TextField } from "../forms/fields";
import { FormAlert } from "../forms/form-alert";
import { SubmitButton } from "../forms/submit-button";

const longDate = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

/**
 * The work's exclusion: set one from today on, move or cancel one that has not started. Once in
 * effect it stays (usage reported for earlier periods keeps counting); the card says so.
 */
export function ExclusionForm({ workId, excludedFrom, state: exclusion, today, canEdit }: {
  workId: number;
  excludedFrom: string | null;
  state: "none" | "scheduled" | "in-effect";
  today: string;
  canEdit: boolean;
}) {
  const [result, action] = useActionState(setWorkExclusionAction, null);
  const [date, setDate] = useState(excludedFrom ?? "");

  if (exclusion === "in-effect") {
    return (
      <div className="space-y-2 text-sm text-slate-700">
        <p>
          Out of the repertoire since <strong>{longDate(excludedFrom!)}</strong>. Licensees can no longer use it; usage reported for
          earlier periods still counts toward royalties.
        </p>
        <p className="text-xs text-slate-500">An exclusion in effect can&apos;t be moved or lifted here. If it was a mistake, ask staff.</p>
      </div>
    );
  }
  return (
    <form
      action={action}
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        if (submitter?.value !== "cancel" && date === today && !confirm("The work leaves the repertoire today, and an exclusion in effect can't be lifted. Exclude it?")) {
          e.preventDefault();
        }
      }}
    >
      <FormAlert state={result} />
      <input type="hidden" name="workId" value={workId} />
      {exclusion === "scheduled" ? (
        <p className="text-sm text-slate-700">
          Scheduled: out of the repertoire from <strong>{longDate(excludedFrom!)}</strong>. Until then licensees can use it as usual.
        </p>
      ) : (
        <p className="text-sm text-slate-700">In the repertoire. To take it out, choose the first day it should no longer be licensed.</p>
      )}
      {canEdit ? (
        <>
          <TextField
            label={exclusion === "scheduled" ? "Move the exclusion to" : "Exclude from"}
            name="excludedFrom"
            type="date"
            min={today}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            hint="Today at the earliest: an exclusion is never retroactive."
            errors={result?.fieldErrors?.excludedFrom}
          />
          <div className="flex flex-wrap gap-2">
            <SubmitButton variant="secondary" pendingLabel="Saving…">
              {exclusion === "scheduled" ? "Move exclusion" : "Exclude work"}
            </SubmitButton>
            {exclusion === "scheduled" ? (
              <button type="submit" name="intent" value="cancel" className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
                Cancel the exclusion
              </button>
            ) : null}
          </div>
        </>
      ) : null}
    </form>
  );
}
