import "server-only";
import { pdfDownloadResponse } from "../http/pdf-download";
import type { Actor } from "../auth/actor";
import { currentMembership } from "../auth/current-organization";
import { getActor } from "../auth/session";
import { HTTP_STATUS, isAppError } from "../errors";

type Make = (actor: Actor | null, input: { organizationId: string; grantId: string }) => Promise<{ fileName: string; bytes: Uint8Array }>;

/** A license PDF as a download for the signed-in licensee member; refusals as plain statuses. */
export async function licenseDocumentResponse(grantId: string, make: Make): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Sign in to download this document.", { status: 401 });
  const membership = currentMembership(actor, "LICENSEE");
  if (!membership) return new Response("Only the licensee's members download its documents.", { status: 403 });
  try {
    const { fileName, bytes } = await make(actor, { organizationId: membership.organizationId, grantId });
    return pdfDownloadResponse(fileName, bytes);
  } catch (error) {
    if (isAppError(error)) return new Response(error.message, { status: HTTP_STATUS[error.code] });
    throw error;
  }
}
