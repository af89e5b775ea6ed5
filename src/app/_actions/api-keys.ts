"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import type { TCreateApiKeyInput } from "@/server/api-keys/api-keys.schema";
import { formValues, runAction } from "@/server/action-result";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { revokeApiKey } from "@/server/api-keys/revoke-api-key";
import { rotateApiKey } from "@/server/api-keys/rotate-api-key";
import { getActor } from "@/server/auth/session";
import { handleForm } from "@/server/form-action";

// The organisation id comes from the form; the use cases check that the actor owns it.

/** The form's state; after a success it carries the new key, which is shown once and never again. */
export type CreateApiKeyState = (NonNullable<FormState> & { createdKey?: { id: string; name: string; secret: string } }) | null;

export async function createApiKeyAction(_previous: CreateApiKeyState, formData: FormData): Promise<CreateApiKeyState> {
  const actor = await getActor();
  const values = formValues(formData);
  const scopes = formData.getAll("scopes").filter((s): s is string => typeof s === "string");
  const result = await runAction(() =>
    createApiKey(actor, {
      organizationId: values.organizationId ?? "",
      name: values.name ?? "",
      scopes,
      expiresIn: (values.expiresIn || "never") as TCreateApiKeyInput["expiresIn"],
    }),
  );
  if (!result.ok) {
    return {
      ok: false,
      message: result.message,
      fieldErrors: result.fieldErrors,
      values: { name: values.name ?? "", expiresIn: values.expiresIn ?? "never", scopes: scopes.join(",") },
    };
  }
  revalidatePath("/", "layout");
  const { id, name, secret } = result.data;
  return { ok: true, message: `Key "${name}" created.`, createdKey: { id, name, secret } };
}

export async function revokeApiKeyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const state = await handleForm(
    formData,
    (v) => revokeApiKey(actor, { organizationId: v.organizationId ?? "", apiKeyId: v.apiKeyId ?? "" }),
    "Key revoked.",
  );
  if (state?.ok) revalidatePath("/", "layout");
  return state;
}

/** Rotate a key: the new secret comes back once, like a created key's. */
export async function rotateApiKeyAction(_previous: CreateApiKeyState, formData: FormData): Promise<CreateApiKeyState> {
  const actor = await getActor();
  const values = formValues(formData);
  const result = await runAction(() => rotateApiKey(actor, { organizationId: values.organizationId ?? "", apiKeyId: values.apiKeyId ?? "", graceHours: values.graceHours ?? "" }));
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
  revalidatePath("/", "layout");
  const { id, name, secret } = result.data;
  return { ok: true, message: `Key "${name}" rotated.`, createdKey: { id, name, secret } };
}
