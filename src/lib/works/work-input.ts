// One work as a rightsholder describes it, checked and put in normal form. The form, the CSV and
// ONIX importers and the API all hand their raw values to `parseWork`, so a work is held to the
// same rules however it arrives. Pure: the browser uses it for live validation too.
import { detectIdentifier, normalizeIdentifier, type IdentifierKind, type NormalizedIdentifier } from "../identifiers";
import { normalizeTitle } from "../titles";

export const WORK_TYPES = ["BOOK", "JOURNAL", "JOURNAL_ARTICLE", "NEWS", "OTHER"] as const;
export type WorkTypeCode = (typeof WORK_TYPES)[number];
export const WORK_TYPE_LABELS: Record<WorkTypeCode, string> = {
  BOOK: "Book",
  JOURNAL: "Journal",
  JOURNAL_ARTICLE: "Journal article",
  NEWS: "News",
  OTHER: "Other",
};

export const PURPOSES = ["TRAIN", "FINE_TUNE", "RAG"] as const;
export type PurposeCode = (typeof PURPOSES)[number];
export const PURPOSE_LABELS: Record<PurposeCode, string> = {
  TRAIN: "Pre-training",
  FINE_TUNE: "Fine-tuning",
  RAG: "Retrieval (RAG)",
};

export const IDENTIFIER_LABELS: Record<IdentifierKind, string> = { ISBN13: "ISBN", ISSN: "ISSN", DOI: "DOI", URL: "URL" };

export const LIMITS = {
  title: 500,
  contributors: 50,
  contributor: 200,
  publisher: 300,
  identifiers: 20,
} as const;

/** A work in normal form: what is stored and what two versions of a work are compared by. */
export type WorkDraft = {
  title: string;
  normalizedTitle: string;
  contributors: string[];
  type: WorkTypeCode;
  /** Lower-case ISO 639 code with optional subtags (BCP 47), or null. */
  language: string | null;
  publicationYear: number | null;
  publisher: string | null;
  /** Always in the order of PURPOSES, without repeats. */
  purposes: PurposeCode[];
  /** YYYY-MM-DD, or null when the work is not excluded. */
  excludedFrom: string | null;
  identifiers: NormalizedIdentifier[];
};

/** What callers may hand in: strings from forms and files, or typed values from JSON. */
export type RawWork = {
  title?: unknown;
  /** An array, or one string with names separated by ";". */
  contributors?: unknown;
  type?: unknown;
  language?: unknown;
  publicationYear?: unknown;
  publisher?: unknown;
  /** An array or a ";"-separated string; absent or blank means all three. */
  purposes?: unknown;
  excludedFrom?: unknown;
  /** Strings (type detected) or {type, value}; type "ISBN"/"ISBN10" are accepted and converted. */
  identifiers?: unknown;
};

export type WorkFieldErrors = Partial<Record<keyof RawWork, string[]>>;
export type ParsedWork = { ok: true; work: WorkDraft } | { ok: false; errors: WorkFieldErrors };

const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Half of a UTF-16 pair: not a character, and stored as U+FFFD, so the work would never match itself. */
const LONE_SURROGATE = /\p{Cs}/u;
const MAX_MESSAGES_PER_FIELD = 5;
const RAW_WORK_FIELDS = ["title", "contributors", "type", "language", "publicationYear", "publisher", "purposes", "excludedFrom", "identifiers"] as const satisfies readonly (keyof RawWork)[];

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.replace(/\s+/g, " ").trim();
  return trimmed === "" ? null : trimmed;
}

function list(value: unknown): unknown[] | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value;
  if (typeof value === "string") return value.trim() === "" ? [] : value.split(";");
  return null;
}

const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function parseIdentifiers(value: unknown, add: (message: string) => void): NormalizedIdentifier[] {
  const items = list(value);
  if (items === null) {
    add("Give at least one identifier: ISBN, ISSN, DOI or URL.");
    return [];
  }
  const found: NormalizedIdentifier[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    let result;
    if (typeof item === "string") {
      if (item.trim() === "") continue;
      result = detectIdentifier(item);
      if (!result.ok) add(`"${item.trim().slice(0, 80)}": ${result.error}`);
    } else if (item && typeof item === "object" && "value" in item && typeof item.value === "string") {
      const type = "type" in item && typeof item.type === "string" ? item.type.toUpperCase().replace(/[^A-Z0-9]/g, "") : "";
      if (type === "") result = detectIdentifier(item.value);
      else if (["ISBN", "ISBN10", "ISBN13", "ISSN", "DOI", "URL"].includes(type)) {
        result = normalizeIdentifier(type as IdentifierKind | "ISBN" | "ISBN10", item.value);
      } else {
        add(`"${type}" is not an identifier type; use ISBN, ISSN, DOI or URL.`);
        continue;
      }
      if (!result.ok) add(`${type || "Identifier"} "${item.value.trim().slice(0, 80)}": ${result.error}`);
    } else {
      add("Each identifier is a string or {type, value}.");
      continue;
    }
    if (result.ok && !seen.has(`${result.type} ${result.value}`)) {
      seen.add(`${result.type} ${result.value}`);
      found.push({ type: result.type, value: result.value });
    }
  }
  if (found.length === 0 && items.every((i) => typeof i !== "string" || i.trim() === "")) {
    add("Give at least one identifier: ISBN, ISSN, DOI or URL.");
  }
  if (found.length > LIMITS.identifiers) add(`At most ${LIMITS.identifiers} identifiers per work.`);
  return found;
}

/** Checks and normalises one work. Every problem is reported, each under its field. */
export function parseWork(raw: RawWork): ParsedWork {
  const errors: WorkFieldErrors = {};
  // A file's cell can hold thousands of bad identifiers: the first few say what to fix.
  const add = (field: keyof RawWork) => (message: string) => {
    const messages = (errors[field] ??= []);
    if (messages.includes(message)) return;
    if (messages.length < MAX_MESSAGES_PER_FIELD) messages.push(message);
    else if (messages.length === MAX_MESSAGES_PER_FIELD) messages.push("…and more problems like these; fix these first.");
  };
  // Only the work's own fields are read: other keys (whatever their name, "__proto__" too) are not.
  for (const field of RAW_WORK_FIELDS) {
    const value = raw[field];
    const values = Array.isArray(value) ? value : [value];
    const texts = values.flatMap((v) => (typeof v === "string" ? [v] : v && typeof v === "object" && "value" in v && typeof v.value === "string" ? [v.value] : []));
    if (texts.some((v) => INVISIBLE.test(v))) add(field)("Contains control characters (such as NUL); remove them.");
    else if (texts.some((v) => LONE_SURROGATE.test(v))) add(field)("Contains a broken character (half of a UTF-16 pair); retype it or remove it.");
  }

  const title = text(raw.title);
  if (title === null) add("title")("Enter the title.");
  else if (title.length > LIMITS.title) add("title")(`At most ${LIMITS.title} characters.`);
  else if (normalizeTitle(title) === "") add("title")("The title needs at least one letter or digit.");

  const contributors: string[] = [];
  const seenContributors = new Set<string>();
  const rawContributors = list(raw.contributors);
  if (raw.contributors !== undefined && raw.contributors !== null && rawContributors === null) {
    add("contributors")("Give contributors as a list of names.");
  }
  for (const item of rawContributors ?? []) {
    const name = text(item);
    if (name === null) continue;
    if (name.length > LIMITS.contributor) add("contributors")(`Each name has at most ${LIMITS.contributor} characters.`);
    else if (!seenContributors.has(name) && contributors.length <= LIMITS.contributors) {
      seenContributors.add(name);
      contributors.push(name);
    }
  }
  if (contributors.length > LIMITS.contributors) add("contributors")(`At most ${LIMITS.contributors} contributors.`);

  const typeText = text(raw.type)?.toUpperCase().replace(/[\s-]+/g, "_") ?? "BOOK";
  const type = (WORK_TYPES as readonly string[]).includes(typeText) ? (typeText as WorkTypeCode) : null;
  if (type === null) add("type")(`Use one of: ${WORK_TYPES.join(", ")}.`);

  const languageText = text(raw.language)?.toLowerCase().replace(/_/g, "-") ?? null;
  if (languageText !== null && !LANGUAGE.test(languageText)) add("language")("Use a language code such as en, fr or pt-br.");

  let publicationYear: number | null = null;
  const yearText = text(raw.publicationYear);
  if (yearText !== null) {
    if (!/^\d{4}$/.test(yearText) || Number(yearText) < 1400 || Number(yearText) > 2100) {
      add("publicationYear")("Use a four-digit year between 1400 and 2100.");
    } else publicationYear = Number(yearText);
  }

  const publisher = text(raw.publisher);
  if (publisher !== null && publisher.length > LIMITS.publisher) add("publisher")(`At most ${LIMITS.publisher} characters.`);

  let purposes: PurposeCode[] = [...PURPOSES];
  const rawPurposes = raw.purposes === undefined || raw.purposes === null || (typeof raw.purposes === "string" && raw.purposes.trim() === "")
    ? null
    : list(raw.purposes);
  if (rawPurposes !== null) {
    const chosen = new Set<string>();
    for (const item of rawPurposes) {
      const code = typeof item === "string" ? item.trim().toUpperCase().replace(/[\s-]+/g, "_") : "";
      if (code === "") continue;
      if ((PURPOSES as readonly string[]).includes(code)) chosen.add(code);
      else add("purposes")(`"${String(item).slice(0, 40)}" is not a purpose; use ${PURPOSES.join(", ")}.`);
    }
    purposes = PURPOSES.filter((p) => chosen.has(p));
    if (purposes.length === 0 && !errors.purposes) add("purposes")("Choose at least one purpose.");
  }

  const excludedText = text(raw.excludedFrom);
  if (excludedText !== null && !isValidDate(excludedText)) add("excludedFrom")("Use a date as YYYY-MM-DD.");

  const identifiers = parseIdentifiers(raw.identifiers, add("identifiers"));

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    work: {
      title: title!,
      normalizedTitle: normalizeTitle(title!),
      contributors,
      type: type!,
      language: languageText,
      publicationYear,
      publisher,
      purposes,
      excludedFrom: excludedText,
      identifiers,
    },
  };
}

/** The fields that make two versions of a work different (identifiers are compared apart). */
export function workFieldsEqual(a: Omit<WorkDraft, "identifiers" | "normalizedTitle">, b: Omit<WorkDraft, "identifiers" | "normalizedTitle">): boolean {
  return (
    a.title === b.title &&
    a.type === b.type &&
    a.language === b.language &&
    a.publicationYear === b.publicationYear &&
    a.publisher === b.publisher &&
    a.excludedFrom === b.excludedFrom &&
    a.contributors.length === b.contributors.length &&
    a.contributors.every((c, i) => c === b.contributors[i]) &&
    a.purposes.length === b.purposes.length &&
    a.purposes.every((p, i) => p === b.purposes[i])
  );
}

/**
 * Exclusions are never retroactive (DOMAIN.md): a new or moved exclusion starts today at the
 * earliest, and one already in effect stays (lifting it would re-open past periods).
 * Returns the problem, or null when the change is allowed.
 */
export function exclusionChangeProblem(current: string | null, next: string | null, today: string): string | null {
  if (current === next) return null;
  if (current !== null && current <= today) {
    return `This work has been excluded since ${current}; an exclusion in effect can't be moved or lifted. Ask staff if it was a mistake.`;
  }
  if (next !== null && next < today) {
    return `An exclusion can start on ${today} at the earliest: usage already reported for earlier dates keeps counting.`;
  }
  return null;
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
