"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { formValues, runAction } from "@/server/action-result";
import { getActor } from "@/server/auth/session";
import { handleForm } from "@/server/form-action";
import { createWebhookEndpoint } from "@/server/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/server/webhooks/delete-webhook-endpoint";
import { resendWebhookDelivery } from "@/server/webhooks/resend-webhook-delivery";
import { rollWebhookSecret } from "@/server/webhooks/roll-webhook-secret";
import { sendTestWebhook } from "@/server/webhooks/send-test-webhook";
import { setWebhookEndpointEnabled } from "@/server/webhooks/set-webhook-endpoint-enabled";
import { updateWebhookEndpoint } from "@/server/webhooks/update-webhook-endpoint";

// The organisation id comes from the form; every use case checks that the actor owns it.

/** A form's state that, after a success, carries a signing secret to show once. */
export type SecretFormState = (NonNullable<FormState> & { revealed?: { endpointId: string; secret: string } }) | null;

const AREAS = new Set(["licensee", "rightsholder"]);

function ref(v: Record<string, string>) {
  return { organizationId: v.organizationId ?? "", endpointId: v.endpointId ?? "" };
}

async function afterChange(state: FormState): Promise<FormState> {
  if (state?.ok) revalidatePath("/", "layout");
  return state;
}

export async function createWebhookEndpointAction(_previous: SecretFormState, formData: FormData): Promise<SecretFormState> {
  const actor = await getActor();
  const values = formValues(formData);
  const events = formData.getAll("events").filter((e): e is string => typeof e === "string");
  const result = await runAction(() =>
    createWebhookEndpoint(actor, { organizationId: values.organizationId ?? "", url: values.url ?? "", description: values.description ?? "", events }),
  );
  if (!result.ok) {
    return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values: { url: values.url ?? "", description: values.description ?? "", events: events.join(",") } };
  }
  revalidatePath("/", "layout");
  return { ok: true, message: "Endpoint added.", revealed: { endpointId: result.data.id, secret: result.data.secret } };
}

export async function updateWebhookEndpointAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const events = formData.getAll("events").filter((e): e is string => typeof e === "string");
  return afterChange(await handleForm(formData, (v) => updateWebhookEndpoint(actor, { ...ref(v), description: v.description ?? "", events }), "Saved."));
}

export async function rollWebhookSecretAction(_previous: SecretFormState, formData: FormData): Promise<SecretFormState> {
  const actor = await getActor();
  const result = await runAction(() => rollWebhookSecret(actor, ref(formValues(formData))));
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath("/", "layout");
  return { ok: true, message: "Secret rolled.", revealed: { endpointId: result.data.endpointId, secret: result.data.secret } };
}

export async function setWebhookEndpointEnabledAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  return afterChange(
    await handleForm(formData, (v) => setWebhookEndpointEnabled(actor, { ...ref(v), isEnabled: v.isEnabled === "true" }), formData.get("isEnabled") === "true" ? "Endpoint enabled." : "Endpoint disabled."),
  );
}

export async function deleteWebhookEndpointAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  const values = formValues(formData);
  const result = await runAction(() => deleteWebhookEndpoint(actor, ref(values)));
  if (!result.ok) return { ok: false, message: result.message };
  revalidatePath("/", "layout");
  redirect(AREAS.has(values.area ?? "") ? `/${values.area}/webhooks` : "/home");
}

export async function sendTestWebhookAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  return afterChange(await handleForm(formData, (v) => sendTestWebhook(actor, ref(v)), "Test event sent: it appears in the deliveries below within a few seconds."));
}

export async function resendWebhookDeliveryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await getActor();
  return afterChange(
    await handleForm(formData, (v) => resendWebhookDelivery(actor, { organizationId: v.organizationId ?? "", deliveryId: v.deliveryId ?? "" }), "Resent: a new delivery of this event is on its way."),
  );
}
