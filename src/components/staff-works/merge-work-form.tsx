"use client";

import { startTransition, useActionState } from "react";
import { mergeWorkAction } from "@/app/_actions/staff-works";
import { TextField } from "../forms/fields";
import { FormAlert } from "../forms/form-alert";
import { Button } from "../ui/button";

/** Merge this work, a duplicate, into the work it duplicates (ADMIN), with a reason. */
export function MergeWorkForm({ workId }: { workId: number }) {
  const [state, action, isPending] = useActionState(mergeWorkAction, null);
  const errors = state?.fieldErrors ?? {};
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <input type="hidden" name="workId" value={workId} />
      <TextField label="Merge into work number" name="targetId" inputMode="numeric" placeholder="12345" errors={errors.targetId}
        hint="The work that stays. Find it with the search; its number is on its page." />
      <TextField label="Reason" name="reason" maxLength={500} errors={errors.reason} placeholder="Enrolled twice: same ISBN-10 and ISBN-13 edition" />
      <FormAlert state={state} />
      <Button type="submit" variant="danger" disabled={isPending}>{isPending ? "Merging…" : "Merge into that work"}</Button>
      <p className="text-xs text-slate-500">
        This work becomes a merged duplicate: its identifiers move to the other work, its history, co-owners and disputes stay here, and its
        reported usage is credited to the other work in the next distribution. Both histories record the merge.
      </p>
    </form>
  );
}
