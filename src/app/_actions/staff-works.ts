"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import { formValues, runAction } from "@/server/action-result";
import { getActor } from "@/server/auth/session";
import { suspendRightsholder, unsuspendRightsholder } from "@/server/repertoire/staff-rightsholder-suspension";
import { mergeWorkInto } from "@/server/works/staff-merge-work";
import { suspendWorks, unsuspendWorks, type SuspensionResult } from "@/server/works/staff-set-works-suspension";
import { staffUpdateWork } from "@/server/works/staff-update-work";

// The staff repertoire's changes (ADMIN; the use cases refuse everyone else). Lists arrive as
// repeated fields (contributors, identifiers, purposes, the ticked works) and are read with getAll.

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

function texts(formData: FormData, name: string): string[] {
  return formData.getAll(name).filter((v): v is string => typeof v === "string");
}

function refused(formData: FormData, result: { message: string; fieldErrors?: Record<string, string[]> }): FormState {
  return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values: formValues(formData) };
}

function revalidateWorks(...workIds: (number | string)[]) {
  revalidatePath("/staff/works");
  for (const id of workIds) revalidatePath(`/staff/works/${id}`);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Staff correct a work's details and identifiers, with a reason. */
export async function staffUpdateWorkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const workId = text(formData, "workId");
  const result = await runAction(() =>
    staffUpdateWork(actor, {
      workId,
      reason: text(formData, "reason"),
      expectedUpdatedAt: text(formData, "expectedUpdatedAt") || undefined,
      work: {
        title: text(formData, "title"),
        contributors: texts(formData, "contributors"),
        type: text(formData, "type"),
        language: text(formData, "language"),
        publicationYear: text(formData, "publicationYear"),
        publisher: text(formData, "publisher"),
        purposes: texts(formData, "purposes"),
        identifiers: texts(formData, "identifiers"),
      },
    }),
  );
  if (!result.ok) return refused(formData, result);
  revalidateWorks(workId);
  return { ok: true, message: result.data.changed ? "Changes saved; the history shows them with your reason." : "Nothing to save: the work is as it was." };
}

function suspensionMessage(result: SuspensionResult, suspend: boolean): string {
  const done = result.changed.length === 0
    ? `No work was ${suspend ? "suspended" : "lifted"}.`
    : `${plural(result.changed.length, "work")} ${suspend ? "suspended: out of the repertoire from now on" : "enrolled again"}.`;
  const skipped = result.skipped.length === 0 ? "" : ` Left as they were: ${result.skipped.slice(0, 10).map((s) => `#${s.id} (${s.why})`).join(", ")}${result.skipped.length > 10 ? ` and ${result.skipped.length - 10} more` : ""}.`;
  return done + skipped;
}

/** Suspend, or lift the suspension of, one work or the ticked ones ("workId" repeated), with a reason. */
export async function setWorksSuspensionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const isSuspend = text(formData, "intent") !== "unsuspend";
  const workIds = texts(formData, "workId");
  const input = { workIds, reason: text(formData, "reason") };
  const result = await runAction(() => (isSuspend ? suspendWorks(actor, input) : unsuspendWorks(actor, input)));
  if (!result.ok) return refused(formData, result);
  revalidateWorks(...(workIds.length === 1 ? workIds : []));
  return { ok: true, message: suspensionMessage(result.data, isSuspend) };
}

/** Merge this work into another as its duplicate. */
export async function mergeWorkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const workId = text(formData, "workId");
  const result = await runAction(() => mergeWorkInto(actor, { workId, targetId: text(formData, "targetId"), reason: text(formData, "reason") }));
  if (!result.ok) return refused(formData, result);
  const { targetId, identifiersMoved, repointed } = result.data;
  revalidateWorks(workId, targetId, ...repointed);
  const moved = identifiersMoved.length === 0 ? "It had no identifiers to move." : `${identifiersMoved.join(", ")} moved to work #${targetId}.`;
  return { ok: true, message: `Merged into work #${targetId}. ${moved}` };
}

/** Suspend a rightsholder (all its works leave the repertoire), or lift it, with a reason. */
export async function setRightsholderSuspensionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const input = { organizationId: text(formData, "organizationId"), reason: text(formData, "reason") };
  const isSuspend = text(formData, "intent") !== "unsuspend";
  const result = await runAction<unknown>(() => (isSuspend ? suspendRightsholder(actor, input) : unsuspendRightsholder(actor, input)));
  if (!result.ok) return refused(formData, result);
  revalidatePath("/staff/works", "layout");
  return {
    ok: true,
    message: isSuspend
      ? "Rightsholder suspended: its works are out of the repertoire, and its owners were told by mail."
      : "Suspension lifted: its works are back in the repertoire, and its owners were told by mail.",
  };
}
