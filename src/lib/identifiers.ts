// Work identifiers as shared/DOMAIN.md defines them: ISBN-13 (ISBN-10 accepted and converted),
// ISSN, DOI and URL, each reduced to one normal form so that the same work is recognised however
// it was typed. Pure functions with no server dependency: forms use them for live validation and
// use cases use them again as the check that counts.

export type IdentifierKind = "ISBN13" | "ISSN" | "DOI" | "URL";

export type NormalizedIdentifier = { type: IdentifierKind; value: string };
export type IdentifierResult = ({ ok: true } & NormalizedIdentifier) | { ok: false; error: string };

const MAX_LENGTH = 2048;

function fail(error: string): IdentifierResult {
  return { ok: false, error };
}

/** Hyphens, spaces and the "ISBN"/"ISSN" label are presentation, not part of the number. */
function compact(raw: string, label: RegExp): string {
  return raw.trim().replace(label, "").replace(/[\s\u00a0\-\u2010-\u2015]/g, "").toUpperCase();
}

/** ISBN-13 check digit: weights 1,3,1,3… over the first 12 digits, mod 10. */
export function isbn13CheckDigit(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

/** ISBN-10 check character: weights 10..2 over the first 9 digits, mod 11, 10 written X. */
export function isbn10CheckDigit(first9: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? "X" : String(check);
}

/** ISSN check character: weights 8..2 over the first 7 digits, mod 11, 10 written X. */
export function issnCheckDigit(first7: string): string {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(first7[i]) * (8 - i);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? "X" : String(check);
}

/** An ISBN-13, or an ISBN-10 converted to its 978 ISBN-13. */
export function normalizeIsbn(raw: string): IdentifierResult {
  const s = compact(raw, /^ISBN(?:-1[03])?:?/i);
  if (/^\d{13}$/.test(s)) {
    if (!s.startsWith("978") && !s.startsWith("979")) return fail("An ISBN-13 starts with 978 or 979.");
    if (isbn13CheckDigit(s.slice(0, 12)) !== s[12]) return fail("This ISBN-13's check digit is wrong: check for a typo.");
    return { ok: true, type: "ISBN13", value: s };
  }
  if (/^\d{9}[\dX]$/.test(s)) {
    if (isbn10CheckDigit(s.slice(0, 9)) !== s[9]) return fail("This ISBN-10's check digit is wrong: check for a typo.");
    const first12 = `978${s.slice(0, 9)}`;
    return { ok: true, type: "ISBN13", value: first12 + isbn13CheckDigit(first12) };
  }
  return fail("An ISBN has 13 digits (or 10, the last of which may be X).");
}

export function normalizeIssn(raw: string): IdentifierResult {
  const s = compact(raw, /^(?:e-?|p-?)?ISSN:?/i);
  if (!/^\d{7}[\dX]$/.test(s)) return fail("An ISSN has 8 characters: 7 digits and a check digit or X (e.g. 0317-8471).");
  if (issnCheckDigit(s.slice(0, 7)) !== s[7]) return fail("This ISSN's check digit is wrong: check for a typo.");
  return { ok: true, type: "ISSN", value: s };
}

const PERCENT_ESCAPE = /%[0-9a-f]{2}/i;

/** DOIs are case-insensitive: stored lower-case, without "doi:" or a resolver prefix. */
export function normalizeDoi(raw: string): IdentifierResult {
  let s = raw.trim();
  s = s.replace(/^doi:\s*/i, "").replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, "");
  // %-escapes (a DOI copied from a link) are decoded once; the normal form never holds one, so
  // normalising it again changes nothing.
  if (PERCENT_ESCAPE.test(s)) {
    try {
      s = decodeURIComponent(s);
    } catch {
      return fail("This DOI has a broken %-escape.");
    }
    if (PERCENT_ESCAPE.test(s)) return fail("This DOI is %-encoded twice; give it as it is printed.");
  }
  // Control characters and lone surrogates can't be stored (PostgreSQL refuses NUL) or printed.
  if (/[\u0000-\u001f\u007f-\u009f]|\p{Cs}/u.test(s)) return fail("This DOI contains control characters or broken Unicode; give it as it is printed.");
  s = s.toLowerCase();
  if (!/^10\.\d{4,9}\/\S+$/.test(s)) return fail("A DOI starts with 10., a registrant code and a slash (e.g. 10.1000/xyz123).");
  if (s.length > MAX_LENGTH) return fail("This DOI is too long.");
  return { ok: true, type: "DOI", value: s };
}

/** http(s) URLs, re-serialised: host lower-cased, default port and fragment dropped. */
export function normalizeUrl(raw: string): IdentifierResult {
  const s = raw.trim();
  if (s.length > MAX_LENGTH) return fail("This URL is too long.");
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return fail("Enter a full web address starting with http:// or https://.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return fail("Only http:// and https:// addresses are accepted.");
  if (!url.hostname.includes(".") && url.hostname !== "localhost") return fail("This web address has no valid host name.");
  // A doi.org link is read as a DOI wherever an identifier's type is detected (usage lines, the
  // API's search), so kept as a URL it would never be matched.
  if (/^(?:dx\.)?doi\.org$/.test(url.hostname)) return fail("This is a doi.org link: give it as a DOI (10.…).");
  url.hash = "";
  // Checked again once serialised: %-encoding can make a short address long.
  const value = url.toString();
  if (value.length > MAX_LENGTH) return fail("This URL is too long.");
  return { ok: true, type: "URL", value };
}

export function normalizeIdentifier(type: IdentifierKind | "ISBN" | "ISBN10", raw: string): IdentifierResult {
  if (typeof raw !== "string" || raw.trim() === "") return fail("Enter an identifier.");
  if (raw.length > MAX_LENGTH) return fail("This identifier is too long.");
  switch (type) {
    case "ISBN":
    case "ISBN10":
    case "ISBN13":
      return normalizeIsbn(raw);
    case "ISSN":
      return normalizeIssn(raw);
    case "DOI":
      return normalizeDoi(raw);
    case "URL":
      return normalizeUrl(raw);
  }
}

/**
 * Recognises an identifier of unknown type (a usage line's "identifier" column): DOI and URL by
 * their prefix, ISSN by its 8 characters, ISBN by its 10 or 13.
 */
export function detectIdentifier(raw: string): IdentifierResult {
  if (typeof raw !== "string" || raw.trim() === "") return fail("Enter an identifier.");
  const s = raw.trim();
  if (/^(doi:|https?:\/\/(dx\.)?doi\.org\/|10\.)/i.test(s)) return normalizeDoi(s);
  if (/^https?:\/\//i.test(s)) return normalizeUrl(s);
  if (/^(e-?|p-?)?issn/i.test(s)) return normalizeIssn(s);
  if (/^isbn/i.test(s)) return normalizeIsbn(s);
  const digits = compact(s, /^$/);
  if (/^\d{7}[\dX]$/.test(digits)) return normalizeIssn(s);
  if (/^\d{9}[\dX]$|^\d{13}$/.test(digits)) return normalizeIsbn(s);
  return fail("Not a recognisable ISBN, ISSN, DOI or URL.");
}
