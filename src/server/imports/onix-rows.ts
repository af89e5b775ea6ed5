import "server-only";
import { SaxesParser, type SaxesTag } from "saxes";
import type { RawWork } from "@/lib/works/work-input";
import { ImportFileError, type ImportRow, type ImportRowSource } from "./import-rows";
import { IMPORT_LIMITS } from "./imports.schema";

// ONIX 3.0 (reference or short tags) → import rows, streamed through saxes: one row per <Product>,
// numbered by the line its <Product> tag is on. Taken from each product:
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
// DTDs are never read and entities never expanded: a DOCTYPE that declares entities ends the file
// with an error, and an undefined entity is a well-formedness error like any other.

const MAX_PROLOG_BYTES = 1024 * 1024;
const MAX_PENDING_TEXT = 1024 * 1024;
const WRITE_SLICE_CHARS = 4 * 1024;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** ONIX 3.0 short tags → reference names, for the elements read here. */
const SHORT_TAGS: Record<string, string> = {
  onixmessage: "ONIXMessage",
  product: "Product",
  a001: "RecordReference",
  a002: "NotificationType",
  productidentifier: "ProductIdentifier",
  b221: "ProductIDType",
  b244: "IDValue",
  descriptivedetail: "DescriptiveDetail",
  collection: "Collection",
  collectionidentifier: "CollectionIdentifier",
  x344: "CollectionIDType",
  titledetail: "TitleDetail",
  b202: "TitleType",
  titleelement: "TitleElement",
  x409: "TitleElementLevel",
  b203: "TitleText",
  b030: "TitlePrefix",
  b031: "TitleWithoutPrefix",
  b029: "Subtitle",
  contributor: "Contributor",
  b034: "SequenceNumber",
  b036: "PersonName",
  b037: "PersonNameInverted",
  b038: "TitlesBeforeNames",
  b039: "NamesBeforeKey",
  b247: "PrefixToKey",
  b040: "KeyNames",
  b248: "SuffixToKey",
  b047: "CorporateName",
  language: "Language",
  b253: "LanguageRole",
  b252: "LanguageCode",
  publishingdetail: "PublishingDetail",
  publisher: "Publisher",
  b291: "PublishingRole",
  b081: "PublisherName",
  publishingdate: "PublishingDate",
  x448: "PublishingDateRole",
  b306: "Date",
};

function canonicalName(qualified: string): string {
  const local = qualified.slice(qualified.indexOf(":") + 1);
  return SHORT_TAGS[local] ?? SHORT_TAGS[local.toLowerCase()] ?? local;
}

type TitleElement = { level: string; text: string; prefix: string; withoutPrefix: string; subtitle: string };
type Contributor = { sequence: number; personName: string; inverted: string; before: string; prefix: string; key: string; suffix: string; corporate: string };

type Product = {
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

function newProduct(line: number): Product {
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

const SUPPORTED_ENCODINGS = new Set(["utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin1", "iso-8859-15", "windows-1252"]);

/** The decoder for the file's declared encoding (UTF-8 when none). */
function decoderFor(firstBytes: Buffer): TextDecoder {
  if ((firstBytes[0] === 0xff && firstBytes[1] === 0xfe) || (firstBytes[0] === 0xfe && firstBytes[1] === 0xff)) {
    throw new ImportFileError(1, "The file is UTF-16; save it as UTF-8 and upload it again.");
  }
  const declaration = /^(?:\uFEFF|ï»¿)?\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(firstBytes.subarray(0, 1024).toString("latin1"));
  const label = (declaration?.[1] ?? "utf-8").toLowerCase();
  if (!SUPPORTED_ENCODINGS.has(label)) {
    throw new ImportFileError(1, `The file declares the encoding "${declaration?.[1]}"; save it as UTF-8 and upload it again.`);
  }
  return new TextDecoder(label, { fatal: true });
}

/** The rows of an ONIX 3.0 file, from a stream of its bytes. */
export async function* readOnixRows(chunks: AsyncIterable<Uint8Array>): ImportRowSource {
  const parser = new SaxesParser({ position: true });
  const pendingText = () => (parser as unknown as { text: string }).text.length;
  let fatal: ImportFileError | null = null;
  const fail = (line: number, message: string) => {
    fatal ??= new ImportFileError(line, message);
  };
  const ready: ImportRow[] = [];
  let bytesRead = 0;
  let isRootSeen = false;

  const stack: string[] = [];
  let product: Product | null = null;
  let text = "";
  let isTextTooLong = false;
  // The composites being read inside the current product.
  let identifier = { type: "", value: "" };
  let collectionId = { type: "", value: "" };
  let titleDetail: Product["titles"][number] | null = null;
  let titleElement: TitleElement | null = null;
  let contributor: Contributor | null = null;
  let language = { role: "", code: "" };
  let publisher = { role: "", name: "" };
  let publishingDate = { role: "", date: "" };

  parser.on("error", (error) => {
    const where = /^(\d+):(\d+): /.exec(error.message);
    const message = where ? error.message.slice(where[0].length) : error.message;
    fail(parser.line, `The XML is not well-formed at line ${parser.line}${where ? `, column ${where[2]}` : ""}: ${message}`);
  });
  parser.on("doctype", (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      fail(parser.line, "The file declares XML entities in its DOCTYPE. For safety, entities are never expanded: remove the DOCTYPE (ONIX 3.0 files don't need one) and upload the file again.");
    }
  });
  parser.on("opentag", (tag: SaxesTag) => {
    if (fatal) return;
    const name = canonicalName(tag.name);
    if (!isRootSeen) {
      isRootSeen = true;
      if (name !== "ONIXMessage") {
        fail(parser.line, `This is not an ONIX file: its root element is <${tag.name.slice(0, 60)}>, not <ONIXMessage>.`);
        return;
      }
      const release: unknown = tag.attributes.release;
      if (typeof release !== "string" || !release.startsWith("3.")) {
        fail(parser.line, `Only ONIX 3.0 is supported, and this message ${typeof release === "string" ? `is release ${release.slice(0, 10)}` : 'has no release="3.0" (ONIX 2.1?)'}; export the file as ONIX 3.0.`);
      }
      stack.push(name);
      return;
    }
    const parent = stack.at(-1);
    stack.push(name);
    text = "";
    isTextTooLong = false;
    if (name === "Product" && parent === "ONIXMessage") {
      product = newProduct(parser.line);
      return;
    }
    if (!product) return;
    switch (name) {
      case "ProductIdentifier":
        identifier = { type: "", value: "" };
        break;
      case "CollectionIdentifier":
        collectionId = { type: "", value: "" };
        break;
      case "TitleDetail":
        titleDetail = parent === "DescriptiveDetail" ? { type: "", elements: [] } : null;
        break;
      case "TitleElement":
        titleElement = titleDetail ? { level: "", text: "", prefix: "", withoutPrefix: "", subtitle: "" } : null;
        break;
      case "Contributor":
        contributor = parent === "DescriptiveDetail"
          ? { sequence: product.contributors.length + 1_000, personName: "", inverted: "", before: "", prefix: "", key: "", suffix: "", corporate: "" }
          : null;
        break;
      case "Language":
        language = { role: "", code: "" };
        break;
      case "Publisher":
        publisher = { role: "", name: "" };
        break;
      case "PublishingDate":
        publishingDate = { role: "", date: "" };
        break;
    }
  });
  const onText = (value: string) => {
    if (!product || isTextTooLong) return;
    if (text.length + value.length > IMPORT_LIMITS.maxFieldBytes) {
      isTextTooLong = true;
      product.hasTooLongText = true;
      text = "";
      return;
    }
    text += value;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", () => {
    if (fatal) return;
    const name = stack.pop();
    const parent = stack.at(-1);
    const value = text.replace(/\s+/g, " ").trim();
    text = "";
    if (!product || !name) return;
    if (name === "Product" && parent === "ONIXMessage") {
      ready.push(productToRow(product, bytesRead));
      product = null;
      return;
    }
    switch (`${parent}/${name}`) {
      case "Product/RecordReference":
        product.recordReference = value;
        break;
      case "Product/NotificationType":
        product.notificationType = value;
        break;
      case "ProductIdentifier/ProductIDType":
        identifier.type = value;
        break;
      case "ProductIdentifier/IDValue":
        identifier.value = value;
        break;
      case "Product/ProductIdentifier":
        if (identifier.value) product.identifiers.push(identifier);
        break;
      case "CollectionIdentifier/CollectionIDType":
        collectionId.type = value;
        break;
      case "CollectionIdentifier/IDValue":
        collectionId.value = value;
        break;
      case "Collection/CollectionIdentifier":
        if (collectionId.type === "02" && collectionId.value && !product.seriesIssns.includes(collectionId.value)) product.seriesIssns.push(collectionId.value);
        break;
      case "TitleDetail/TitleType":
        if (titleDetail) titleDetail.type = value;
        break;
      case "TitleElement/TitleElementLevel":
        if (titleElement) titleElement.level = value;
        break;
      case "TitleElement/TitleText":
        if (titleElement) titleElement.text = value;
        break;
      case "TitleElement/TitlePrefix":
        if (titleElement) titleElement.prefix = value;
        break;
      case "TitleElement/TitleWithoutPrefix":
        if (titleElement) titleElement.withoutPrefix = value;
        break;
      case "TitleElement/Subtitle":
        if (titleElement) titleElement.subtitle = value;
        break;
      case "TitleDetail/TitleElement":
        if (titleDetail && titleElement) titleDetail.elements.push(titleElement);
        titleElement = null;
        break;
      case "DescriptiveDetail/TitleDetail":
        if (titleDetail) product.titles.push(titleDetail);
        titleDetail = null;
        break;
      case "Contributor/SequenceNumber":
        if (contributor && /^\d+$/.test(value)) contributor.sequence = Number(value);
        break;
      case "Contributor/PersonName":
        if (contributor) contributor.personName = value;
        break;
      case "Contributor/PersonNameInverted":
        if (contributor) contributor.inverted = value;
        break;
      case "Contributor/NamesBeforeKey":
        if (contributor) contributor.before = value;
        break;
      case "Contributor/PrefixToKey":
        if (contributor) contributor.prefix = value;
        break;
      case "Contributor/KeyNames":
        if (contributor) contributor.key = value;
        break;
      case "Contributor/SuffixToKey":
        if (contributor) contributor.suffix = value;
        break;
      case "Contributor/CorporateName":
        if (contributor) contributor.corporate = value;
        break;
      case "DescriptiveDetail/Contributor":
        if (contributor) product.contributors.push(contributor);
        contributor = null;
        break;
      case "Language/LanguageRole":
        language.role = value;
        break;
      case "Language/LanguageCode":
        language.code = value;
        break;
      case "DescriptiveDetail/Language":
        if (language.code) product.languages.push(language);
        break;
      case "Publisher/PublishingRole":
        publisher.role = value;
        break;
      case "Publisher/PublisherName":
        publisher.name = value;
        break;
      case "PublishingDetail/Publisher":
        if (publisher.name) product.publishers.push(publisher);
        break;
      case "PublishingDate/PublishingDateRole":
        publishingDate.role = value;
        break;
      case "PublishingDate/Date":
        publishingDate.date = value;
        break;
      case "PublishingDetail/PublishingDate":
        if (publishingDate.date) product.publishingDates.push(publishingDate);
        break;
    }
  });

  let decoder: TextDecoder | null = null;
  const feed = (chunk: Buffer, isLast: boolean) => {
    decoder ??= decoderFor(chunk);
    let decoded: string;
    try {
      decoded = decoder.decode(chunk, { stream: !isLast });
    } catch {
      throw new ImportFileError(parser.line, `The file is not valid ${decoder.encoding.toUpperCase()} after line ${parser.line}; save it as UTF-8 and upload it again.`);
    }
    bytesRead += chunk.length;
    // Written a slice at a time, stopping at the first fatal problem: past a broken spot saxes
    // reports an error for nearly every character, and a chunk of those took 250 ms.
    for (let at = 0; at < decoded.length && !fatal; ) {
      let end = Math.min(decoded.length, at + WRITE_SLICE_CHARS);
      if (end < decoded.length && isHighSurrogate(decoded.charCodeAt(end - 1))) end++; // keep a pair together
      parser.write(decoded.slice(at, end));
      at = end;
    }
    if (isLast && !fatal) parser.close();
    if (!fatal && !isRootSeen && bytesRead > MAX_PROLOG_BYTES) fail(parser.line, "No <ONIXMessage> element in the first megabyte of the file; is this an ONIX file?");
    if (!fatal && pendingText() > MAX_PENDING_TEXT) fail(parser.line, `The text near line ${parser.line} runs on for more than a megabyte without a tag; is the file complete?`);
  };

  let pending: Buffer | null = null; // held one chunk back, so the last one is known
  for await (const input of chunks) {
    const chunk = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    if (pending) {
      feed(pending, false);
      if (ready.length > 0) yield ready.splice(0);
      if (fatal) throw fatal;
    }
    pending = chunk;
  }
  feed(pending ?? Buffer.alloc(0), true);
  if (ready.length > 0) yield ready.splice(0);
  if (fatal) throw fatal;
  if (!isRootSeen) throw new ImportFileError(1, "The file is empty: it has no <ONIXMessage>.");
}
