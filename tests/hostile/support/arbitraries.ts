// Generators of hostile input, shared by the hostile properties: text that breaks naive code
// (NUL, lone surrogates, bidi and zero-width marks, odd case mappings, line separators, formula
// signs, prototype keys), near-valid values (a real identifier with junk inserted), structured but
// wrong JSON (deep, wide, wrong types), and long runs of one character.
import fc from "fast-check";

/** Characters and fragments that have broken parsers somewhere. */
export const SPECIALS = [
  "\u0000", "\u0001", "\u0008", "\u001b", "\u001f", "\u007f", "\u0085", "\u00a0", "\u00ad", "\u2028", "\u2029",
  "\u200b", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\ufeff", "\ufffd", "\ufffe", "\uffff",
  "\ud800", "\udbff", "\udc00", "\udfff", "\ud83d\ude00", "\ud83d", "\ude00",
  "İ", "ı", "ß", "ẞ", "ﬀ", "Å", "Ω", "e\u0301", "\u0301", "\u0345", "ǅ", "Ⅻ", "①", "٣", "𝟗", "¹", "\u3000", "\u1680",
  "\r", "\n", "\r\n", "\n\r", "\t", "\v", "\f", " ", "  ",
  '"', '""', "'", "`", ",", ";", ":", "|", "=", "+", "-", "@", "%", "%00", "%zz", "%2F", "%ED%A0%80", "%C0%80", "\\", "/", "//", "..",
  "<", ">", "&", "&amp;", "&#0;", "&#x0;", "]]>", "<!--", "<?xml", "<!DOCTYPE", "<!ENTITY",
  "{", "}", "[", "]", "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "$", "${x}",
  "Infinity", "-0", "1e309", "0x10", "9".repeat(25), "null", "true", "0", "-1",
];

/** One UTF-16 code unit, any of them: lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** Short hostile text: fragments of SPECIALS, random code points and ASCII. */
export function hostileText(maxLength = 60): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ unit: "binary", maxLength: 4 }), fc.string({ unit: "grapheme-ascii", maxLength: 6 })), { maxLength: 10 }).map((parts) => parts.join("").slice(0, maxLength)) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength }) },
  );
}

/** One character repeated: up to and past a parser's limit. */
export function longRun(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min: minLength, max: maxLength }), fc.constantFrom("x", "9", "é", "\ud800", " ", ",", '"', ";", "-", "/", "\u0000", "💩"))
    .map(([n, c]) => c.repeat(Math.ceil(n / c.length)));
}

/** `base` with a hostile fragment inserted somewhere (or replacing part of it). */
export function mutated(base: fc.Arbitrary<string>, junk = hostileText(8)): fc.Arbitrary<string> {
  return fc.tuple(base, fc.nat(), fc.nat(3), junk).map(([text, at, cut, inserted]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + inserted + text.slice(Math.min(text.length, i + cut));
  });
}

export const VALID_IDENTIFIERS = [
  "978-0-306-40615-7", "9780306406157", "0-306-40615-2", "ISBN 978-1-4028-9462-6", "979-10-90636-07-1", "0317-8471", "ISSN 0317-8471", "e-ISSN 2049-3630",
  "10.1000/xyz123", "doi:10.1000/ABC", "https://doi.org/10.1002%2F0470841559.ch1", "https://dx.doi.org/10.5555/x", "https://example.org/article?a=1#top", "http://localhost:3000/a",
];

/** Strings that look like identifiers, are identifiers with junk, or are nothing of the kind. */
export const identifierLike: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...VALID_IDENTIFIERS) },
  { weight: 4, arbitrary: mutated(fc.constantFrom(...VALID_IDENTIFIERS)) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom("10.1000/", "doi:10.12345/", "10.123456789/", "https://doi.org/10.1234/", "https://", "http://", "ISBN ", "ISSN ", "978", "979", "10."), hostileText(40)).map(([a, b]) => a + b) },
  { weight: 2, arbitrary: hostileText() },
  { weight: 1, arbitrary: longRun(1, 5_000) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("10.1000/", "https://example.org/", "978"), longRun(1_000, 3_000)).map(([a, b]) => a + b) },
);

/** Any JSON value, some of them deep, wide or full of prototype keys (deeper bodies go to the route tests as text: printing a counterexample recurses). */
export function hostileJson(): fc.Arbitrary<unknown> {
  const key = fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype", "toString", "", " ", "\u0000", "a".repeat(200)), fc.string({ maxLength: 10 }));
  const leaf = fc.oneof(
    fc.constantFrom(null, true, false, 0, -0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 2 ** 63),
    hostileText(30),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.array(tie("value"), { maxLength: 5 }), fc.dictionary(key, tie("value"), { maxKeys: 5 })),
  }));
  return fc.oneof(
    { weight: 6, arbitrary: value },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 1_500 }).map((depth) => nest(depth, "deep")) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((n) => Array.from({ length: n }, (_, i) => i)) },
  );
}

/** `depth` levels of arrays (or objects) around `leaf`. */
export function nest(depth: number, leaf: unknown, asObject = false): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
  return value;
}

/** Own keys as JSON.parse makes them ("__proto__" an own key, not the prototype), later keys winning. */
export function withOwnKeys(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** Bytes that are not UTF-8: Latin-1, truncated sequences, encoded surrogates, overlongs, 0xFF. */
export const INVALID_UTF8: number[][] = [[0xe9], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xff], [0xfe, 0xff], [0xf4, 0x90, 0x80, 0x80]];

/** A byte string of a file: `text` encoded, with invalid bytes and NULs spliced in at random. */
export function spliceBytes(text: string, splices: { at: number; bytes: number[] }[]): Buffer {
  let bytes = Buffer.from(text, "utf8");
  for (const { at, bytes: b } of splices) {
    const i = at % (bytes.length + 1);
    bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from(b), bytes.subarray(i)]);
  }
  return bytes;
}

export const byteSplices: fc.Arbitrary<{ at: number; bytes: number[] }[]> = fc.array(fc.record({ at: fc.nat(), bytes: fc.oneof(fc.constantFrom(...INVALID_UTF8), fc.constant([0x00] as number[]), fc.uint8Array({ maxLength: 4 }).map((a) => [...a])) }), { maxLength: 3 });

/** Chunk sizes for feeding a stream: byte by byte, small, odd, or everything at once. */
export const chunkSize = fc.oneof(fc.constantFrom(1, 2, 3, 7, 64, 1_000, 65_536, Number.MAX_SAFE_INTEGER), fc.integer({ min: 1, max: 5_000 }));

export async function* chunksOf(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, Math.min(bytes.length, i + size));
}
