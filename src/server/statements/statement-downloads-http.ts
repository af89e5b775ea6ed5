import "server-only";
import { pdfDownloadResponse } from "../http/pdf-download";
import type { Actor } from "../auth/actor";
import { HTTP_STATUS, isAppError } from "../errors";
import { csvDownloadResponse } from "../http/csv-download";
import { statementCsv } from "./statement-csv";
import { statementPdf } from "./statement-pdf";

// The statement downloads of /api/statements/[id]/{csv,pdf}: the session's actor in, a file out.
// The statement's organisation comes from the statement itself; the use cases answer another
// organisation's id as not found (404), before the first byte is sent.

function refusal(error: unknown): Response {
  if (isAppError(error)) return new Response(error.message, { status: HTTP_STATUS[error.code], headers: { "Cache-Control": "no-store" } });
  throw error;
}

export async function statementCsvResponse(actor: Actor | null, statementId: string): Promise<Response> {
  if (!actor) return new Response("Sign in to download this statement.", { status: 401 });
  try {
    const { fileName, lines } = await statementCsv(actor, statementId);
    return csvDownloadResponse(lines, fileName, "Statement CSV");
  } catch (error) {
    return refusal(error);
  }
}

export async function statementPdfResponse(actor: Actor | null, statementId: string): Promise<Response> {
  if (!actor) return new Response("Sign in to download this statement.", { status: 401 });
  try {
    const { fileName, bytes } = await statementPdf(actor, statementId);
    return pdfDownloadResponse(fileName, bytes);
  } catch (error) {
    return refusal(error);
  }
}
