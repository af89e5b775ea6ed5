import "server-only";
import type { FieldErrors } from "../../errors";
import { apiErrorBody } from "../api-errors";
import { jsonResponse } from "../http";
import type { EnrollResult } from "./enroll-works-v1";

/**
 * The answer to POST /api/v1/works: 200 when every item was accepted, 207 when some were
 * rejected (the others were written), 422 when all were (nothing was written). Every answer
 * carries the summary and one result per item in request order; a 422 also carries the error
 * format, its details naming each item's fields ("works[3].title", or "title" for a single work).
 */
export function worksEnrollResponse(result: EnrollResult): Response {
  const body = { summary: result.summary, results: result.results };
  if (result.outcome === "accepted") return jsonResponse(body, 200);
  if (result.outcome === "partial") return jsonResponse(body, 207);
  const details: FieldErrors = Object.create(null) as FieldErrors;
  for (const item of result.results) {
    for (const [field, messages] of Object.entries(item.errors)) {
      details[result.isBatch ? `works[${item.index}].${field}` : field] = messages;
    }
  }
  const message = result.isBatch
    ? "No work was accepted; nothing was written. Each item's errors are in results."
    : "The work was not accepted; nothing was written. See details.";
  return jsonResponse({ ...apiErrorBody("VALIDATION", message, details), ...body }, 422);
}
