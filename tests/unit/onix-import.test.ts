import { describe, expect, it } from "vitest";
import { ImportFileError, type ImportRow } from "@/server/imports/import-rows";
import { readOnixRows } from "@/server/imports/onix-rows";

async function* chunked(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(input: string | Buffer, chunkSize = 64 * 1024): Promise<{ rows: ImportRow[]; error: ImportFileError | null }> {
  const rows: ImportRow[] = [];
  try {
    for await (const batch of readOnixRows(chunked(typeof input === "string" ? Buffer.from(input) : input, chunkSize))) rows.push(...batch);
    return { rows, error: null };
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    return { rows, error };
  }
}

const message = (products: string, root = '<ONIXMessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/reference">') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n<Header><Sender><SenderName>Harbour Lane</SenderName></Sender></Header>\n${products}</ONIXMessage>\n`;

const FULL_PRODUCT = `<Product>
  <RecordReference>hl-0001</RecordReference>
  <NotificationType>03</NotificationType>
  <ProductIdentifier><ProductIDType>01</ProductIDType><IDValue>HL-1</IDValue></ProductIdentifier>
  <ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>9780306406157</IDValue></ProductIdentifier>
  <ProductIdentifier><ProductIDType>06</ProductIDType><IDValue>10.1000/XYZ</IDValue></ProductIdentifier>
  <DescriptiveDetail>
    <ProductComposition>00</ProductComposition><ProductForm>BB</ProductForm>
    <Collection><CollectionType>10</CollectionType>
      <CollectionIdentifier><CollectionIDType>02</CollectionIDType><IDValue>0317-8471</IDValue></CollectionIdentifier>
      <TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>02</TitleElementLevel><TitleText>Series Name</TitleText></TitleElement></TitleDetail>
    </Collection>
    <TitleDetail><TitleType>01</TitleType>
      <TitleElement><TitleElementLevel>01</TitleElementLevel><TitlePrefix>The</TitlePrefix><TitleWithoutPrefix>Tidewater Atlas</TitleWithoutPrefix><Subtitle>Maps &amp; Stories</Subtitle></TitleElement>
    </TitleDetail>
    <Contributor><SequenceNumber>2</SequenceNumber><ContributorRole>A01</ContributorRole><NamesBeforeKey>Jon</NamesBeforeKey><KeyNames>Hale</KeyNames></Contributor>
    <Contributor><SequenceNumber>1</SequenceNumber><ContributorRole>A01</ContributorRole><PersonName>Mira Okafor</PersonName></Contributor>
    <Contributor><SequenceNumber>3</SequenceNumber><ContributorRole>B01</ContributorRole><CorporateName>Estuary Society</CorporateName></Contributor>
    <Language><LanguageRole>01</LanguageRole><LanguageCode>eng</LanguageCode></Language>
  </DescriptiveDetail>
  <PublishingDetail>
    <Imprint><ImprintName>Imprint</ImprintName></Imprint>
    <Publisher><PublishingRole>01</PublishingRole><PublisherName>Harbour Lane Press</PublisherName></Publisher>
    <PublishingDate><PublishingDateRole>02</PublishingDateRole><Date>20190101</Date></PublishingDate>
    <PublishingDate><PublishingDateRole>01</PublishingDateRole><Date dateformat="00">20210315</Date></PublishingDate>
  </PublishingDetail>
  <RelatedMaterial><RelatedProduct><ProductRelationCode>06</ProductRelationCode>
    <ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>9781234567897</IDValue></ProductIdentifier></RelatedProduct></RelatedMaterial>
</Product>
`;

describe("ONIX 3.0 rows", () => {
  it("reads identifiers, title with subtitle, contributors in sequence, publisher, year and language", async () => {
    for (const size of [7, 100, 64 * 1024]) {
      const { rows, error } = await read(message(FULL_PRODUCT), size);
      expect(error).toBeNull();
      expect(rows).toEqual([
        {
          line: 4,
          raw: expect.stringContaining("RecordReference hl-0001"),
          bytesRead: expect.any(Number),
          ok: true,
          work: {
            title: "The Tidewater Atlas: Maps & Stories",
            contributors: ["Mira Okafor", "Jon Hale", "Estuary Society"],
            type: "BOOK",
            language: "eng",
            publicationYear: "2021",
            publisher: "Harbour Lane Press",
            identifiers: [
              { type: "ISBN", value: "9780306406157" },
              { type: "DOI", value: "10.1000/XYZ" },
            ],
          },
        },
      ]);
    }
  });

  it("reads short tags, ISBN-10, and a series ISSN for a product known by nothing else", async () => {
    const short = `<?xml version="1.0"?>
<ONIXmessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/short">
<product><a001>r1</a001><productidentifier><b221>02</b221><b244>0-306-40615-2</b244></productidentifier>
<descriptivedetail><titledetail><b202>01</b202><titleelement><x409>01</x409><b203>Short Tags</b203><b029>A Subtitle</b029></titleelement></titledetail>
<contributor><b034>1</b034><b039>Ann</b039><b040>Lee</b040></contributor></descriptivedetail>
<publishingdetail><publisher><b291>01</b291><b081>Tag Press</b081></publisher><publishingdate><x448>01</x448><b306>2018</b306></publishingdate></publishingdetail></product>
<product><a001>r2</a001><productidentifier><b221>01</b221><b244>own</b244></productidentifier>
<descriptivedetail><collection><collectionidentifier><x344>02</x344><b244>03178471</b244></collectionidentifier></collection>
<titledetail><b202>01</b202><titleelement><x409>01</x409><b203>Quarterly Review</b203></titleelement></titledetail></descriptivedetail></product>
</ONIXmessage>`;
    const { rows, error } = await read(short);
    expect(error).toBeNull();
    expect(rows[0]).toMatchObject({
      line: 3,
      ok: true,
      work: { title: "Short Tags: A Subtitle", contributors: ["Ann Lee"], publisher: "Tag Press", publicationYear: "2018", identifiers: [{ type: "ISBN", value: "0-306-40615-2" }] },
    });
    expect(rows[1]).toMatchObject({ line: 7, ok: true, work: { title: "Quarterly Review", type: "JOURNAL", identifiers: [{ type: "ISSN", value: "03178471" }] } });
  });

  it("rejects a product without a usable identifier, and a deletion notice, at the line of its <Product>", async () => {
    const products = `<Product><RecordReference>a</RecordReference><ProductIdentifier><ProductIDType>01</ProductIDType><IDValue>x</IDValue></ProductIdentifier>
<DescriptiveDetail><TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>01</TitleElementLevel><TitleText>No ISBN</TitleText></TitleElement></TitleDetail></DescriptiveDetail></Product>
<Product><NotificationType>05</NotificationType><ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>9780306406157</IDValue></ProductIdentifier></Product>
`;
    const { rows } = await read(message(products));
    expect(rows[0]).toMatchObject({ line: 4, ok: false, reasons: [expect.stringMatching(/No usable identifier/)], raw: expect.stringContaining('"No ISBN"') });
    expect(rows[1]).toMatchObject({ line: 6, ok: false, reasons: [expect.stringMatching(/deletion notice/)] });
  });

  it("ends the file at malformed XML with its line, keeping the products before it", async () => {
    const products = `${FULL_PRODUCT}<Product><RecordReference>b</RecordReference>\n<ProductIdentifier></Product>\n${FULL_PRODUCT}`;
    const { rows, error } = await read(message(products));
    expect(rows).toHaveLength(1);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error!.line).toBe(34);
    expect(error!.message).toMatch(/not well-formed at line 34/);
  });

  it("never expands entities: a billion-laughs file is refused at once, without growing", async () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<ONIXMessage release="3.0"><Product><DescriptiveDetail><TitleDetail><TitleElement><TitleText>&lol9;</TitleText></TitleElement></TitleDetail></DescriptiveDetail></Product></ONIXMessage>`;
    const before = process.memoryUsage().heapUsed;
    const { rows, error } = await read(lol);
    expect(rows).toEqual([]);
    expect(error!.message).toMatch(/declares XML entities/);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
    const undefinedEntity = await read(message("<Product><RecordReference>&nbsp;</RecordReference></Product>\n"));
    expect(undefinedEntity.error!.message).toMatch(/line 4.*undefined entity/);
  });

  it("refuses other XML, ONIX 2.1 and a text node that never ends", async () => {
    expect((await read("<catalog><book/></catalog>")).error!.message).toMatch(/not an ONIX file.*<catalog>/);
    expect((await read("<ONIXMessage><Product/></ONIXMessage>")).error!.message).toMatch(/ONIX 2\.1/);
    const endless = `<ONIXMessage release="3.0"><Product><RecordReference>${"x".repeat(3 * 1024 * 1024)}`;
    expect((await read(endless)).error!.message).toMatch(/more than a megabyte without a tag/);
  });

  it("decodes a declared ISO-8859-1 file, and refuses bytes that are not UTF-8", async () => {
    const latin1 = Buffer.from(message(FULL_PRODUCT.replace("Mira Okafor", "Mira Okaför")).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), "latin1");
    const decoded = await read(latin1);
    expect(decoded.rows[0]).toMatchObject({ ok: true, work: { contributors: ["Mira Okaför", "Jon Hale", "Estuary Society"] } });
    const broken = Buffer.from(message(FULL_PRODUCT.replace("Mira Okafor", "Mira Okaför")), "latin1");
    expect((await read(broken)).error!.message).toMatch(/not valid UTF-8/);
  });

  it("caps an element's text at 64 KB and rejects that product", async () => {
    const products = FULL_PRODUCT.replace("<TitleWithoutPrefix>Tidewater Atlas", `<TitleWithoutPrefix>${"y".repeat(70 * 1024)}`);
    const { rows } = await read(message(products));
    expect(rows[0]).toMatchObject({ ok: false, reasons: [expect.stringMatching(/longer than 64 KB/)] });
  });
});
