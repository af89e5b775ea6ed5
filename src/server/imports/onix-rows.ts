import "server-only";
import { SaxesParser, type SaxesTag } from "saxes";
import { ImportFileError, type ImportRow, type ImportRowSource } from "./import-rows";
import { IMPORT_LIMITS } from "./imports.schema";
import { newProduct, productToRow, type Contributor, type Product, type TitleElement } from "./onix-product";

// ONIX 3.0 (reference or short tags) → import rows, streamed through saxes: one row per <Product>,
// numbered by the line its <Product> tag is on; what is taken from each product is in
// onix-product.ts.
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
