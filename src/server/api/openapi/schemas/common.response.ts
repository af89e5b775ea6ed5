import "server-only";
import { z } from "zod";
import { PURPOSES } from "@/lib/coverage/coverage-rule";
import { IdentifierType } from "@/generated/prisma/enums";
import { API_HTTP_STATUS, type ApiErrorCode } from "../../api-errors";

// What several answers share: the error format, identifiers, purposes, timestamps, amounts.
// These describe what the routes write today (src/server/api/api-errors.ts and the routes' JSON);
// the contract tests hold the two together.

export const API_ERROR_CODES = Object.keys(API_HTTP_STATUS) as [ApiErrorCode, ...ApiErrorCode[]];

/** The one error format of /api/v1 (api-errors.ts). */
export const ZApiError = z.strictObject({
  error: z.strictObject({
    code: z.enum(API_ERROR_CODES).describe("What kind of failure; each code has one HTTP status."),
    message: z.string().describe("What went wrong and what to do about it, in a sentence for a person."),
    details: z
      .record(z.string(), z.array(z.string()))
      .describe("Messages by field (`title`, `works[3].identifiers`, `lines[7]`) or query parameter; `{}` when there is nothing more to say."),
  }),
});

export const ZPurpose = z.enum(PURPOSES).describe("TRAIN (pre-training), FINE_TUNE or RAG (retrieval-augmented generation).");

export const ZIdentifier = z.strictObject({
  type: z.enum(IdentifierType).describe("ISBN13 (ISBN-10 is converted), ISSN, DOI or URL."),
  value: z.string().describe("The identifier in normal form: ISBN and ISSN digits only, DOI lower-cased, URL as given."),
});

export const ZTimestamp = z.iso.datetime();
export const ZDay = z.iso.date();
export const ZUuid = z.uuid();

/** Large integers (units, cents) are decimal strings: a JSON number loses digits past 2^53 in many clients. */
export const ZDecimalString = z.string().regex(/^-?\d+$/).describe("A whole number written as a decimal string.");

/** A cursor page: `nextCursor` goes into the next request's `cursor`; null on the last page. */
export function cursorPage<T extends z.ZodType>(item: T) {
  return z.strictObject({
    data: z.array(item),
    nextCursor: z.string().nullable().describe("Pass it as `cursor` for the next page; null when this is the last page."),
  });
}
