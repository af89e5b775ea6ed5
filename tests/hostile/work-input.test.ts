// Hostile works against parseWork, the one set of rules the form, the CSV and ONIX importers and
// the API share, and against the API's own envelope and type checks in front of it: whatever the
// object, the answer is a work the database accepts (and that parses back to itself) or field
// errors under the work's own fields, each a sentence.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LIMITS, parseWork, PURPOSES, WORK_TYPES, isValidDate, type RawWork } from "@/lib/works/work-input";
import { checkApiWorkTypes, readWorksEnvelope } from "@/server/api/works/works-v1.schema";
import { hostileJson, hostileText, identifierLike, longRun, mutated, withOwnKeys } from "./support/arbitraries";
import { expectClearFieldErrors, expectClearMessage, expectIdentifierStorable, expectStorableText, hostileProperty, recordHostileCases, show } from "./support/hostile";

recordHostileCases(import.meta.filename);

const FIELDS = ["title", "contributors", "type", "language", "publicationYear", "publisher", "purposes", "excludedFrom", "identifiers"] as const;

/** Values a field may plausibly get, near-valid ones first, then anything at all. */
const fieldValue: Record<(typeof FIELDS)[number], fc.Arbitrary<unknown>> = {
  title: fc.oneof(mutated(fc.constantFrom("The Tidewater Atlas", "Notes on Estuary Birds", "É")), hostileText(), longRun(400, 700)),
  contributors: fc.oneof(fc.array(fc.oneof(mutated(fc.constantFrom("Mira Okafor", "Jon Hale")), hostileText(), longRun(150, 250)), { maxLength: 60 }), hostileText()),
  type: fc.oneof(mutated(fc.constantFrom(...WORK_TYPES, "journal article", "news")), hostileText()),
  language: fc.oneof(mutated(fc.constantFrom("en", "pt_BR", "zh-hant-tw", "fr")), hostileText(12)),
  publicationYear: fc.oneof(fc.integer({ min: 1300, max: 2200 }), mutated(fc.constantFrom("2021", "1400", "2100")), fc.double(), hostileText(8)),
  publisher: fc.oneof(mutated(fc.constantFrom("Harbour Lane Press")), hostileText(), longRun(250, 350)),
  purposes: fc.oneof(fc.array(fc.oneof(mutated(fc.constantFrom(...PURPOSES, "fine-tune", "rag")), hostileText(10)), { maxLength: 12 }), mutated(fc.constantFrom("TRAIN;RAG", ""))),
  excludedFrom: fc.oneof(mutated(fc.constantFrom("2030-01-31", "2030-02-29", "2028-02-29", "2030-13-01")), hostileText(12)),
  identifiers: fc.oneof(
    fc.array(fc.oneof(identifierLike, fc.record({ type: fc.oneof(fc.constantFrom("ISBN", "isbn-13", "ISBN10", "ISSN", "DOI", "URL", "", "GTIN"), hostileText(8)), value: identifierLike })), { maxLength: 25 }),
    identifierLike.map((id) => `${id};${id}`),
  ),
};

const hostileKey = fc.oneof(fc.constantFrom(...FIELDS), fc.constantFrom("__proto__", "constructor", "prototype", "toString", "identifier", "works"), hostileText(12));

/** A work object as JSON.parse would make it ("__proto__" an own key), every value plausible or hostile. */
const hostileWork: fc.Arbitrary<Record<string, unknown>> = fc
  .array(hostileKey.chain((key) => fc.tuple(fc.constant(key), Object.hasOwn(fieldValue, key) ? fc.oneof({ weight: 4, arbitrary: fieldValue[key as keyof typeof fieldValue] }, { weight: 1, arbitrary: hostileJson() }) : fc.oneof(hostileText(), fc.constant("\u0000"), hostileJson()))), { maxLength: 12 })
  .map(withOwnKeys);

/** Mostly complete works, so that the rules after the first error get exercised too. */
const nearlyValidWork: fc.Arbitrary<Record<string, unknown>> = fc.record(
  Object.fromEntries(FIELDS.map((f) => [f, fieldValue[f]])) as { [K in (typeof FIELDS)[number]]: fc.Arbitrary<unknown> },
  { requiredKeys: ["title", "identifiers"] },
);

function expectStorableWork(raw: unknown, work: Extract<ReturnType<typeof parseWork>, { ok: true }>["work"]) {
  expect(work.title.length).toBeGreaterThan(0);
  expect(work.title.length).toBeLessThanOrEqual(LIMITS.title);
  expect(work.title).toBe(work.title.trim());
  expectStorableText(work.title, "title");
  expect(work.normalizedTitle.length).toBeGreaterThan(0);
  for (const c of work.contributors) {
    expect(c.length).toBeLessThanOrEqual(LIMITS.contributor);
    expectStorableText(c, "contributor");
  }
  expect(work.contributors.length).toBeLessThanOrEqual(LIMITS.contributors);
  expect(WORK_TYPES).toContain(work.type);
  if (work.language !== null) expect(work.language).toMatch(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/);
  if (work.publicationYear !== null) expect(work.publicationYear >= 1400 && work.publicationYear <= 2100).toBe(true);
  if (work.publisher !== null) {
    expect(work.publisher.length).toBeLessThanOrEqual(LIMITS.publisher);
    expectStorableText(work.publisher, "publisher");
  }
  expect(work.purposes.length).toBeGreaterThan(0);
  expect(work.purposes).toEqual(PURPOSES.filter((p) => work.purposes.includes(p)));
  if (work.excludedFrom !== null) expect(isValidDate(work.excludedFrom)).toBe(true);
  expect(work.identifiers.length >= 1 && work.identifiers.length <= LIMITS.identifiers, show(raw, 200)).toBe(true);
  work.identifiers.forEach(expectIdentifierStorable);
}

function checkParseWork(raw: Record<string, unknown>) {
  const parsed = parseWork(raw as RawWork);
  if (!parsed.ok) {
    expectClearFieldErrors(parsed.errors, raw);
    for (const field of Object.keys(parsed.errors)) expect(FIELDS as readonly string[]).toContain(field);
    return;
  }
  expectStorableWork(raw, parsed.work);
  // The normal form is a fixed point: a stored work, parsed again, is the same work.
  expect(parseWork({ ...parsed.work, normalizedTitle: undefined } as RawWork)).toEqual(parsed);
}

describe("parseWork", () => {
  // Found by this property: an own "__proto__" or "constructor" key holding a string with NUL made
  // parseWork throw (errors["constructor"].push is not a function); a lone surrogate in a title was
  // accepted and then stored as U+FFFD, so the work never compared equal to itself again.
  // And: 20,000 distinct contributors took 200 ms (each name compared with every earlier one), and
  // a cell of 5,000 bad identifiers gave 5,000 messages.
  const REGRESSIONS = [
    withOwnKeys([["__proto__", "\u0000"]]),
    withOwnKeys([["constructor", "\u0001"], ["title", "x"]]),
    { title: "Half \ud800 a pair", identifiers: ["9780306406157"] },
    { title: "Many hands", identifiers: ["9780306406157"], contributors: Array.from({ length: 20_000 }, (_, i) => `Name ${i}`) },
    { title: "Many bad identifiers", identifiers: Array.from({ length: 5_000 }, (_, i) => `bad${i}`).join(";") },
  ];

  it("answers a storable work that parses back to itself, or field errors of its own fields", () => {
    hostileProperty("parseWork (any object)", hostileWork, checkParseWork, { numRuns: 1_500, examples: REGRESSIONS });
    hostileProperty("parseWork (nearly valid)", nearlyValidWork, checkParseWork, { numRuns: 1_500 });
  });

  it("refuses the regressions under their field, without throwing", () => {
    expect(parseWork(REGRESSIONS[0] as RawWork)).toMatchObject({ ok: false, errors: { title: ["Enter the title."] } });
    expect(parseWork(REGRESSIONS[2] as RawWork)).toMatchObject({ ok: false, errors: { title: [expect.stringMatching(/broken character/)] } });
    expect(parseWork(REGRESSIONS[3] as RawWork)).toEqual({ ok: false, errors: { contributors: ["At most 50 contributors."] } });
    const identifiers = (parseWork(REGRESSIONS[4] as RawWork) as { errors: Record<string, string[]> }).errors.identifiers!;
    expect(identifiers).toHaveLength(6);
    expect(identifiers.at(-1)).toMatch(/and more problems/);
  });
});

describe("the works API in front of parseWork", () => {
  const body = fc.oneof(
    hostileJson(),
    hostileWork,
    fc.array(fc.oneof(hostileWork, nearlyValidWork, hostileJson()), { maxLength: 20 }).map((works) => ({ works })),
    fc.tuple(fc.array(nearlyValidWork, { maxLength: 3 }), hostileKey, hostileJson()).map(([works, k, v]) => withOwnKeys([["works", works], [k, v]])),
  );

  it("readWorksEnvelope and checkApiWorkTypes refuse with a sentence, or hand parseWork objects of the right types", () => {
    hostileProperty("works API envelope", body, (input) => {
      const envelope = readWorksEnvelope(input);
      if (!envelope.ok) {
        expectClearMessage(envelope.message, input);
        for (const messages of Object.values(envelope.details)) for (const m of messages) expectClearMessage(m, input);
        return;
      }
      for (const item of envelope.envelope.items) {
        const typeErrors = checkApiWorkTypes(item);
        if (typeErrors) {
          expectClearFieldErrors(typeErrors, item);
          expect(Object.keys(typeErrors).length).toBeLessThanOrEqual(FIELDS.length + 10);
          continue;
        }
        checkParseWork(item as Record<string, unknown>);
      }
    }, { numRuns: 1_000 });
  });
});
