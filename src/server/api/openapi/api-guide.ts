import "server-only";
import { LIST_MAX_PAGE_SIZE, LIST_PAGE_SIZE } from "../lists/list-query";
import { MAX_PAGE_SIZE } from "../works/works-v1.schema";

// What a developer needs before the first request, once: the document's info.description and
// the reference page (/developers/api) both render these sections. Text in `backticks` is code.

export type GuideSection = { id: string; title: string; paragraphs: string[] };

export const API_GUIDE: GuideSection[] = [
  {
    id: "authentication",
    title: "Authentication and scopes",
    paragraphs: [
      "Every endpoint but the license terms needs an API key of your organisation: an owner creates one under API keys in the portal, names it, chooses its scopes and sees it once. Send it as `Authorization: Bearer cw_live_…`.",
      "A key acts for its organisation only and within its scopes; each endpoint names the scope it needs. A missing, unknown, revoked or expired key gets 401; a key without the scope gets 403. Keys are secrets: keep them on your servers, never in a browser.",
    ],
  },
  {
    id: "errors",
    title: "Errors",
    paragraphs: [
      'Every failure answers the same JSON, with the HTTP status of its code: `{"error": {"code": "VALIDATION", "message": "…", "details": {"title": ["…"]}}}`.',
      "`message` is a sentence for a person; `details` maps a field (`works[3].title`), a query parameter or a line (`lines[7]`) to its messages, and is `{}` when there is nothing more to say. Codes: BAD_REQUEST 400, UNAUTHENTICATED 401, FORBIDDEN 403, NOT_FOUND 404, METHOD_NOT_ALLOWED 405, CONFLICT 409, PAYLOAD_TOO_LARGE 413, UNSUPPORTED_MEDIA_TYPE 415, VALIDATION and IDEMPOTENCY_MISMATCH 422, RATE_LIMITED 429, INTERNAL 500.",
      "Another organisation's resource answers 404, exactly as one that does not exist. The lists refuse an unknown or repeated query parameter with 422 rather than ignore it, so a typo never widens a list.",
    ],
  },
  {
    id: "pagination",
    title: "Pagination",
    paragraphs: [
      `Lists answer \`{"data": [ … ], "nextCursor": "…"}\`. Pass \`nextCursor\` as \`cursor\` to get the next page; it is null on the last page. \`limit\` sets the page size: 1–${LIST_MAX_PAGE_SIZE} (default ${LIST_PAGE_SIZE}), and 1–${MAX_PAGE_SIZE} (default 50) for works.`,
      "Cursors are opaque: keep them as given. Pages are keyset pages, not offsets: an item added while you page appears once, none is skipped or repeated. A cursor we did not give out is a 422.",
      "A usage report's lines page on their own: follow the report's `next` address. A statement's lines have their own `nextCursor` under `lines`.",
    ],
  },
  {
    id: "idempotency",
    title: "Idempotent POSTs",
    paragraphs: [
      "Send an `Idempotency-Key` header (1–255 visible ASCII characters, a UUID say) with every POST you might retry. The first request with a key is answered and its answer kept for 24 hours; a repeat with the same key and the same method, path and body gets that answer again, with `Idempotent-Replayed: true`, and nothing is done twice.",
      "The same key with a different request is refused with 422 IDEMPOTENCY_MISMATCH; a repeat while the first is still being answered gets 409 (try again in a moment). A 5xx answer is not kept: retrying with the same key runs the request again. Keys belong to the API key that sent them.",
    ],
  },
  {
    id: "rate-limits",
    title: "Rate limits",
    paragraphs: [
      "Each key may make a number of requests a minute (600 unless agreed otherwise), counted across all our servers in fixed one-minute windows. Past it the answer is 429 RATE_LIMITED with `Retry-After`: the seconds until the next window. Wait that long before you retry.",
    ],
  },
  {
    id: "numbers",
    title: "Numbers, dates and money",
    paragraphs: [
      "Money is integer minor units (cents, USD), and large counts such as units are integers too; both are written as decimal strings, because many JSON parsers lose digits past 2^53. Days are `YYYY-MM-DD`, times ISO 8601 in UTC, quarters `2026Q3`.",
    ],
  },
];

/** The guide as Markdown, for the document's info.description. */
export function apiGuideMarkdown(): string {
  return API_GUIDE.map((section) => `## ${section.title}\n\n${section.paragraphs.join("\n\n")}`).join("\n\n");
}
