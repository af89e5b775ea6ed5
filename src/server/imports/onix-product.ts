import "server-only";
import type { RawWork } from "@/lib/works/work-input";
import type { ImportRow } from "./import-rows";
import { IMPORT_LIMITS } from "./imports.schema";

// One ONIX 3.0 <Product>, as the reader (onix-rows.ts) collects it, and the import row made from it.
// Taken from each product:
// - identifiers: ProductIdentifier with ProductIDType 15 (ISBN-13), 02 (ISBN-10), 03 (GTIN-13 that
//   is an ISBN, 978/979), 06 (DOI); the series ISSN (Collection/CollectionIdentifier, type 02) only
//   when the product has none of those, as it then stands for the serial itself (a series ISSN
//   shared by many books can identify only one work);
// - title: TitleDetail (type 01 first) / TitleElement (product level first): TitleText, or
//   TitlePrefix + TitleWithoutPrefix, with ": Subtitle" when there is one;
// - contributors: PersonName, else names before and after the key, else CorporateName;
// - publisher: PublishingDetail/Publisher (role 01 first) PublisherName;
// - publication year: PublishingDetail/PublishingDate with role 01, its first four digits;
// - language: Language with role 01; type BOOK, or JOURNAL for a product known only by its ISSN.

export type TitleElement = { level: string; text: string; prefix: string; withoutPrefix: string; subtitle: string };
export type Contributor = { sequence: number; personName: string; inverted: string; before: string; prefix: string; key: string; suffix: string; corporate: string };

export type Product = {
  line: number;
  recordReference: string;
  notificationType: string;
  identifiers: { type: string; value: string }[];
  seriesIssns: string[];
  titles: { type: string; elements: TitleElement[] }[];
  contributors: Contributor[];
  languages: { role: string; code: string }[];
  publishers: { role: string; name: string }[];
  publishingDates: { role: string; date: string }[];
  hasTooLongText: boolean;
};

export function newProduct(line: number): Product {
  return {
    line,
    recordReference: "",
    notificationType: "",
    identifiers: [],
    seriesIssns: [],
    titles: [],
    contributors: [],
    languages: [],
    publishers: [],
    publishingDates: [],
    hasTooLongText: false,
  };
}

const ID_TYPES: Record<string, string> = { "15": "ISBN", "02": "ISBN", "06": "DOI" };

function productTitle(product: Product): string {
  const details = [...product.titles].sort((a, b) => Number(b.type === "01") - Number(a.type === "01"));
  for (const detail of details) {
    const elements = [...detail.elements].sort((a, b) => Number(b.level === "01") - Number(a.level === "01"));
    for (const e of elements) {
      const main = e.text || [e.prefix, e.withoutPrefix].filter(Boolean).join(" ");
      if (main) return e.subtitle ? `${main}: ${e.subtitle}` : main;
    }
  }
  return "";
}

function contributorName(c: Contributor): string {
  if (c.personName) return c.personName;
  const parts = [c.before, c.prefix, c.key, c.suffix].filter(Boolean).join(" ");
  return parts || c.corporate || c.inverted;
}

/** A product → an import row: the work's raw values, or why the product can't be enrolled. */
export function productToRow(product: Product, bytesRead: number): ImportRow {
  const identifiers: { type: string; value: string }[] = [];
  for (const id of product.identifiers) {
    if (ID_TYPES[id.type]) identifiers.push({ type: ID_TYPES[id.type]!, value: id.value });
    else if (id.type === "03" && /^97[89]/.test(id.value.replace(/\D/g, ""))) identifiers.push({ type: "ISBN", value: id.value });
  }
  const isSerial = identifiers.length === 0 && product.seriesIssns.length > 0;
  if (isSerial) for (const issn of product.seriesIssns) identifiers.push({ type: "ISSN", value: issn });
  const title = productTitle(product);
  const summary = [
    "<Product>",
    product.recordReference && `RecordReference ${product.recordReference}`,
    ...identifiers.map((i) => `${i.type} ${i.value}`),
    title && `"${title}"`,
  ].filter(Boolean).join(" · ");
  const base = { line: product.line, raw: summary.slice(0, IMPORT_LIMITS.maxRawLineChars), bytesRead };

  const reasons: string[] = [];
  if (product.hasTooLongText) reasons.push(`An element of this product is longer than ${IMPORT_LIMITS.maxFieldBytes / 1024} KB.`);
  if (product.notificationType === "05") {
    reasons.push("This product is a deletion notice (NotificationType 05); to take a work out of the repertoire, exclude it instead.");
  }
  if (identifiers.length === 0) {
    reasons.push("No usable identifier: give a ProductIdentifier of type 15 (ISBN-13), 02 (ISBN-10) or 06 (DOI), or a series ISSN.");
  }
  if (reasons.length > 0) return { ...base, ok: false, reasons };

  const contributors = [...product.contributors]
    .sort((a, b) => a.sequence - b.sequence)
    .map(contributorName)
    .filter(Boolean);
  const language = (product.languages.find((l) => l.role === "01") ?? product.languages[0])?.code;
  const publisher = (product.publishers.find((p) => p.role === "01") ?? product.publishers[0])?.name;
  const date = product.publishingDates.find((d) => d.role === "01")?.date ?? "";
  const year = /^\d{4}/.exec(date.trim())?.[0];
  const work: RawWork = {
    title,
    contributors,
    type: isSerial ? "JOURNAL" : "BOOK",
    language: language || undefined,
    publicationYear: year,
    publisher: publisher || undefined,
    identifiers,
  };
  return { ...base, ok: true, work };
}
