import { z } from "zod";
import { detectIdentifier, type NormalizedIdentifier } from "@/lib/identifiers";
import { LIMITS } from "@/lib/works/work-input";
import type { FieldErrors } from "../../errors";

// The request contract of /api/v1/works. zod checks the JSON types (and refuses unknown fields,
// so a typo like "identifier" is not silently ignored); parseWork then applies the same rules as
// the form and the importers. docs/decisions/008-api-keys-and-v1.md describes the semantics.

export const MAX_WORKS_PER_REQUEST = 1_000;
/** About 5 KB per work at the full batch; a typical work is a few hundred bytes. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const nullableText = (error: string) => z.string({ error }).nullish();
const textList = (error: string) => z.array(z.string({ error }), { error }).nullish();

/** One work in a request body. Every field but title and identifiers is optional. */
export const ZApiWork = z.strictObject({
  title: z.string({ error: "Give the title as text." }).optional(),
  contributors: textList("Give contributors as a list of names."),
  type: nullableText("Give the type as text: BOOK, JOURNAL, JOURNAL_ARTICLE, NEWS or OTHER."),
  language: nullableText("Give the language as a code such as \"en\"."),
  publicationYear: z.union([z.number(), z.string()], { error: "Give the year as a number, such as 2021." }).nullish(),
  publisher: nullableText("Give the publisher as text."),
  purposes: textList("Give purposes as a list: TRAIN, FINE_TUNE, RAG."),
  excludedFrom: nullableText("Give the date as text, YYYY-MM-DD."),
  identifiers: z
    .array(
      z.union([z.string(), z.strictObject({ type: z.string().optional(), value: z.string() })], {
        error: "Each identifier is a string or {\"type\": \"ISBN\", \"value\": \"…\"}.",
      }),
      { error: "Give identifiers as a list, such as [\"978-1-4028-9462-6\"]." },
    )
    .optional(),
});
export type TApiWork = z.infer<typeof ZApiWork>;
export const API_WORK_FIELDS = Object.keys(ZApiWork.shape) as (keyof TApiWork)[];

/** Lists longer than this are refused before their items are looked at (bounded work per item). */
const LIST_CAPS: Partial<Record<keyof TApiWork, number>> = {
  contributors: LIMITS.contributors,
  identifiers: LIMITS.identifiers,
  purposes: 10,
};

const MAX_MESSAGES_PER_FIELD = 5;

/** Field names can come from the request ("__proto__" too): keep them on an object without a prototype. */
export function emptyFieldErrors(): FieldErrors {
  return Object.create(null) as FieldErrors;
}
const MAX_UNKNOWN_FIELDS = 10;

function addMessage(errors: FieldErrors, field: string, message: string) {
  const list = (errors[field] ??= []);
  if (list.length < MAX_MESSAGES_PER_FIELD && !list.includes(message)) list.push(message);
}

/** The JSON types of one item, checked; errors keyed by field. null when the item's types are right. */
export function checkApiWorkTypes(item: unknown): FieldErrors | null {
  if (typeof item !== "object" || item === null || Array.isArray(item)) {
    return { work: ["Each work is a JSON object, such as {\"title\": \"…\", \"identifiers\": [\"…\"]}."] };
  }
  const errors = emptyFieldErrors();
  for (const [field, cap] of Object.entries(LIST_CAPS)) {
    const value = (item as Record<string, unknown>)[field];
    if (Array.isArray(value) && value.length > cap!) addMessage(errors, field, `At most ${cap} ${field} per work.`);
  }
  if (Object.keys(errors).length > 0) return errors;

  const parsed = ZApiWork.safeParse(item);
  if (parsed.success) return null;
  let unknownReported = 0;
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        if (unknownReported++ >= MAX_UNKNOWN_FIELDS) break;
        addMessage(errors, key.slice(0, 60), `Unknown field. A work has: ${API_WORK_FIELDS.join(", ")}.`);
      }
      continue;
    }
    const field = typeof issue.path[0] === "string" ? issue.path[0] : "work";
    addMessage(errors, field, issue.message);
  }
  return errors;
}

export type WorksEnvelope = { isBatch: boolean; items: unknown[] };

/** A body is one work object, or {"works": [ … ]} with 1 to 1,000 of them. */
export function readWorksEnvelope(body: unknown): { ok: true; envelope: WorksEnvelope } | { ok: false; message: string; details: FieldErrors } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, message: "Send one work as a JSON object, or several as {\"works\": [ … ]}.", details: {} };
  }
  if (!Object.hasOwn(body, "works")) return { ok: true, envelope: { isBatch: false, items: [body] } };
  const extra = Object.keys(body).filter((k) => k !== "works");
  if (extra.length > 0) {
    return {
      ok: false,
      message: "A batch has only the \"works\" field.",
      details: Object.fromEntries(extra.slice(0, MAX_UNKNOWN_FIELDS).map((k) => [k.slice(0, 60), ["Unknown field."]])),
    };
  }
  const works = (body as { works: unknown }).works;
  if (!Array.isArray(works)) return { ok: false, message: "\"works\" is a list of works.", details: { works: ["Give a list of work objects."] } };
  if (works.length === 0) return { ok: false, message: "The batch is empty.", details: { works: ["Give at least one work."] } };
  if (works.length > MAX_WORKS_PER_REQUEST) {
    return {
      ok: false,
      message: `At most ${MAX_WORKS_PER_REQUEST.toLocaleString("en")} works per request; this one has ${works.length.toLocaleString("en")}. Nothing was written.`,
      details: { works: [`At most ${MAX_WORKS_PER_REQUEST.toLocaleString("en")} works per request.`] },
    };
  }
  return { ok: true, envelope: { isBatch: true, items: works } };
}

// ── GET /api/v1/works query ────────────────────────────────────────────────────────────────

export type WorksQuery = { limit: number; afterId: number; identifier: NormalizedIdentifier | null };

const QUERY_PARAMETERS = ["limit", "cursor", "identifier"];
const MAX_WORK_ID = 2 ** 31 - 1;

/** An opaque cursor: the last id of the page, versioned so its form can change. */
export function encodeCursor(afterId: number): string {
  return Buffer.from(JSON.stringify({ v: 1, after: afterId })).toString("base64url");
}

export function decodeCursor(cursor: string): number | null {
  if (cursor.length > 100 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (typeof value !== "object" || value === null || (value as { v?: unknown }).v !== 1) return null;
    const after = (value as { after?: unknown }).after;
    return typeof after === "number" && Number.isInteger(after) && after >= 0 && after <= MAX_WORK_ID ? after : null;
  } catch {
    return null;
  }
}

/** The list's query string, checked: an unknown parameter is refused (a typo would otherwise return everything). */
export function parseWorksQuery(params: URLSearchParams): { ok: true; query: WorksQuery } | { ok: false; details: FieldErrors } {
  const details = emptyFieldErrors();
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (!QUERY_PARAMETERS.includes(key)) details[key.slice(0, 60)] = [`Unknown parameter; use ${QUERY_PARAMETERS.join(", ")}.`];
    else if (seen.has(key)) details[key] = ["Give this parameter once."];
    seen.add(key);
  }

  let limit = DEFAULT_PAGE_SIZE;
  const rawLimit = params.get("limit");
  if (rawLimit !== null) {
    if (!/^\d{1,4}$/.test(rawLimit) || Number(rawLimit) < 1 || Number(rawLimit) > MAX_PAGE_SIZE) {
      details.limit = [`Use a whole number from 1 to ${MAX_PAGE_SIZE}.`];
    } else limit = Number(rawLimit);
  }

  let afterId = 0;
  const rawCursor = params.get("cursor");
  if (rawCursor !== null) {
    const decoded = decodeCursor(rawCursor);
    if (decoded === null) details.cursor = ["This cursor is not one we gave out; start again without it."];
    else afterId = decoded;
  }

  let identifier: NormalizedIdentifier | null = null;
  const rawIdentifier = params.get("identifier");
  if (rawIdentifier !== null) {
    const result = detectIdentifier(rawIdentifier);
    if (result.ok) identifier = { type: result.type, value: result.value };
    else details.identifier = [result.error];
  }
  if (Object.keys(details).length > 0) return { ok: false, details };
  return { ok: true, query: { limit, afterId, identifier } };
}
