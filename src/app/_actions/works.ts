"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { runAction, formValues } from "@/server/action-result";
import { getActor } from "@/server/auth/session";
import { createWork } from "@/server/works/create-work";
import { setCoOwners } from "@/server/works/set-co-owners";
import { setWorkExclusion } from "@/server/works/set-work-exclusion";
import { updateWork } from "@/server/works/update-work";
import { searchCoOwnerCandidates } from "@/server/works/works.queries";

// The works forms. Lists (contributors, identifiers, purposes) arrive as repeated fields and are
// read with getAll, so three unticked purpose boxes arrive as an empty list ("none chosen", which
// parseWork refuses) rather than as a missing field (which would mean "all three").

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

function texts(formData: FormData, name: string): string[] {
  return formData.getAll(name).filter((v): v is string => typeof v === "string");
}

function rawWork(formData: FormData) {
  return {
    title: text(formData, "title"),
    contributors: texts(formData, "contributors"),
    type: text(formData, "type"),
    language: text(formData, "language"),
    publicationYear: text(formData, "publicationYear"),
    publisher: text(formData, "publisher"),
    purposes: texts(formData, "purposes"),
    identifiers: texts(formData, "identifiers"),
    // Only the new-work form has the exclusion date; the edit form leaves the exclusion as it is.
    ...(formData.has("excludedFrom") ? { excludedFrom: text(formData, "excludedFrom") } : {}),
  };
}

function refused(formData: FormData, result: { message: string; fieldErrors?: Record<string, string[]> }): FormState {
  return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values: formValues(formData) };
}

function listed(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

export async function createWorkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const result = await runAction(() => createWork(actor, { organizationId: text(formData, "organizationId"), work: rawWork(formData) }));
  if (!result.ok) return refused(formData, result);
  revalidatePath("/rightsholder/works");
  redirect(`/rightsholder/works/${result.data.workId}?enrolled=1`);
}

export async function updateWorkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const workId = text(formData, "workId");
  const result = await runAction(() =>
    updateWork(actor, { workId, work: rawWork(formData), expectedUpdatedAt: text(formData, "expectedUpdatedAt") || undefined }),
  );
  if (!result.ok) return refused(formData, result);
  const { changed, disputed, alreadyClaimed } = result.data;
  const notes: string[] = [];
  if (disputed.length > 0) {
    notes.push(`${listed(disputed)} ${disputed.length === 1 ? "is" : "are"} held by another rightsholder: a dispute was opened for staff, and the work is kept without ${disputed.length === 1 ? "it" : "them"} until they decide.`);
  }
  if (alreadyClaimed.length > 0) notes.push(`Your earlier claim on ${listed(alreadyClaimed)} is still with staff.`);
  revalidatePath(`/rightsholder/works/${workId}`);
  revalidatePath("/rightsholder/works");
  return { ok: true, message: [changed ? "Changes saved." : "Nothing to save: the work is as it was.", ...notes].join(" ") };
}

export async function setWorkExclusionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const workId = text(formData, "workId");
  const cancel = text(formData, "intent") === "cancel";
  const result = await runAction(() => setWorkExclusion(actor, { workId, excludedFrom: cancel ? null : text(formData, "excludedFrom") }));
  if (!result.ok) return refused(formData, result);
  revalidatePath(`/rightsholder/works/${workId}`);
  revalidatePath("/rightsholder/works");
  const { changed, excludedFrom } = result.data;
  if (!changed) return { ok: true, message: "Nothing changed." };
  return { ok: true, message: excludedFrom ? `The work is excluded from ${excludedFrom} on.` : "The scheduled exclusion is cancelled; the work stays in the repertoire." };
}

export async function setCoOwnersAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const workId = text(formData, "workId");
  let owners: unknown;
  try {
    owners = JSON.parse(text(formData, "owners") || "[]");
  } catch {
    return { ok: false, message: "The co-owners could not be read; reload the page and try again." };
  }
  const result = await runAction(() => setCoOwners(actor, { workId, owners: owners as Record<string, unknown>[] }));
  if (!result.ok) return refused(formData, result);
  revalidatePath(`/rightsholder/works/${workId}`);
  return { ok: true, message: result.data.changed ? "Co-owners saved." : "Nothing changed." };
}

/** For the co-owners editor's search box: approved rightsholders by name (id and name only). */
export async function searchCoOwnerCandidatesAction(workId: number, q: string): Promise<{ id: string; name: string }[]> {
  const actor = await getActor();
  const result = await runAction(() => searchCoOwnerCandidates(actor, { workId, q }));
  return result.ok ? result.data : [];
}
