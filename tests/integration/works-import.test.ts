import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getWorksImport, listImportErrors } from "@/server/imports/imports.queries";
import { runWorksImport } from "@/server/imports/run-works-import";
import { worksImportJob } from "@/server/imports/works-import-job";
import { claimJobs, extendJobLease } from "@/server/jobs/queue";
import { runDueJobs } from "@/server/jobs/worker";
import { createOrganizationWithPeople, mailsTo } from "../factories";
import { CSV_HEADER, csvLine, uploadWorksFile, setUpTempImportStorage } from "../factories/imports";
import { createWork, uniqueDoi, uniqueIsbn } from "../factories/works";

let storage: string;
beforeAll(() => {
  storage = setUpTempImportStorage();
});

const importRow = (id: string) => db.worksImport.findUniqueOrThrow({ where: { id } });
const counts = (r: { createdCount: number; updatedCount: number; unchangedCount: number; rejectedCount: number; disputedCount: number }) => ({
  created: r.createdCount,
  updated: r.updatedCount,
  unchanged: r.unchangedCount,
  rejected: r.rejectedCount,
  disputed: r.disputedCount,
});
const errorsOf = (importId: string) =>
  db.importError.findMany({ where: { importId }, orderBy: [{ lineNumber: "asc" }, { reason: "asc" }], select: { lineNumber: true, reason: true, rawLine: true } });

/** A CSV of good and bad rows, and what importing it must give. */
function mixedCsv() {
  const [a, b, c, d] = [uniqueIsbn(), uniqueIsbn(), uniqueIsbn(), uniqueIsbn()];
  const lines = [
    CSV_HEADER,
    csvLine({ isbn: a, title: "Good One", contributors: "Ann One; Bob Two" }), // 2
    csvLine({ isbn: b, doi: uniqueDoi(), title: '"Good, Two"', purposes: "TRAIN;RAG" }), // 3
    csvLine({ isbn: "9780000000000", title: "Bad Check Digit" }), // 4
    csvLine({ isbn: c, title: "" }), // 5
    csvLine({ isbn: d, title: "=HYPERLINK(1)" }), // 6
    `${csvLine({ isbn: uniqueIsbn(), title: "Extra" })},surplus`, // 7
    csvLine({ isbn: a, title: "Repeats line 2" }), // 8
    csvLine({ isbn: c, title: "Good Three", year: 1999 }), // 9
  ];
  return { csv: `${lines.join("\r\n")}\r\n`, isbns: { a, b, c, d } };
}

describe("a CSV import, end to end", () => {
  it("enrolls the good rows, rejects the bad ones by line, mails the uploader and removes the file", async () => {
    const { organization, member } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const { csv, isbns } = mixedCsv();
    const started = await uploadWorksFile(member.actor, organization.id, "catalogue.csv", csv);
    expect(started).toMatchObject({ format: "CSV", fileName: "catalogue.csv", fileSize: Buffer.byteLength(csv), sameFileImportedAt: null });
    expect((await importRow(started.id)).status).toBe("QUEUED");
    expect(await db.job.count({ where: { singletonKey: `works.import:${started.id}`, status: "QUEUED" } })).toBe(1);

    expect(await runWorksImport(started.id)).toBe("completed");
    const done = await importRow(started.id);
    expect(done).toMatchObject({ status: "COMPLETED", processedRows: 8, totalRows: 8, bytesProcessed: BigInt(Buffer.byteLength(csv)), errorMessage: null });
    expect(counts(done)).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 5, disputed: 0 });

    const errors = await errorsOf(started.id);
    expect(errors.map((e) => e.lineNumber)).toEqual([4, 5, 6, 7, 8]);
    expect(errors[0]!.reason).toMatch(/^identifiers: .*check digit/);
    expect(errors[1]!.reason).toBe("title: Enter the title.");
    expect(errors[2]!.reason).toMatch(/^title: starts with "="/);
    expect(errors[3]!.reason).toMatch(/13 columns and the header has 12/);
    expect(errors[4]!.reason).toBe(`ISBN ${isbns.a} is also on line 2; give each work one row.`);
    expect(errors[2]!.rawLine).toContain("=HYPERLINK(1)");

    const works = await db.work.findMany({ where: { rightsholderId: organization.id }, include: { identifiers: true }, orderBy: { id: "asc" } });
    expect(works.map((w) => w.title)).toEqual(["Good One", "Good, Two", "Good Three"]);
    expect(works[0]).toMatchObject({ contributors: ["Ann One", "Bob Two"], publisher: "Test Press", language: "en" });
    expect(works[1]!.purposes).toEqual(["TRAIN", "RAG"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "Work", entityId: String(works[0]!.id) } });
    expect(audit).toMatchObject({ action: "work.created", actorUserId: member.user.id, after: expect.objectContaining({ via: "import", importId: started.id }) });

    const [mail] = await mailsTo(member.user.email);
    expect(mail).toMatchObject({ template: "import-finished", subject: "Your works import catalogue.csv is done" });
    expect(mail!.text).toContain("Created: 3");
    expect(mail!.text).toContain(`/rightsholder/imports/${started.id}`);
    expect(await db.notification.count({ where: { userId: member.user.id, href: `/rightsholder/imports/${started.id}` } })).toBe(1);
    expect(readdirSync(path.join(storage, organization.id))).toEqual([]);

    // Running a finished import again does nothing.
    expect(await runWorksImport(started.id)).toBe("not-runnable");
    expect(counts(await importRow(started.id))).toEqual(counts(done));
    expect(await mailsTo(member.user.email)).toHaveLength(1);
  });

  it("changes nothing when the same file is imported again, and says it was imported before", async () => {
    const { organization, owner } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const { csv } = mixedCsv();
    const first = await uploadWorksFile(owner.actor, organization.id, "catalogue.csv", csv);
    await runWorksImport(first.id);
    const before = await db.work.findMany({ where: { rightsholderId: organization.id }, orderBy: { id: "asc" } });
    const auditBefore = await db.auditLog.count({ where: { organizationId: organization.id } });

    const again = await uploadWorksFile(owner.actor, organization.id, "catalogue (1).csv", csv);
    expect(again.sameFileImportedAt).toEqual((await importRow(first.id)).createdAt);
    await runWorksImport(again.id);
    expect(counts(await importRow(again.id))).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 5, disputed: 0 });
    expect(await db.work.findMany({ where: { rightsholderId: organization.id }, orderBy: { id: "asc" } })).toEqual(before);
    // Only the import's own trail is added (uploaded, completed): no work changed.
    expect(await db.auditLog.count({ where: { organizationId: organization.id } })).toBe(auditBefore + 2);
    expect((await getWorksImport(owner.actor, { organizationId: organization.id, importId: again.id })).sameFileImportedAt).toEqual(
      (await importRow(first.id)).createdAt,
    );
  });

  it("updates changed works and opens a dispute for an identifier another rightsholder holds", async () => {
    const holder = await createOrganizationWithPeople("RIGHTSHOLDER");
    const { organization, owner } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const held = await createWork(holder.organization.id);
    const isbn = uniqueIsbn();
    const first = await uploadWorksFile(owner.actor, organization.id, "a.csv", `${CSV_HEADER}\n${csvLine({ isbn, title: "Before" })}\n`);
    await runWorksImport(first.id);
    const second = await uploadWorksFile(
      owner.actor,
      organization.id,
      "b.csv",
      `${CSV_HEADER}\n${csvLine({ isbn, title: "After" })}\n${csvLine({ isbn: held.identifiers[0]!.value, title: "Claimed" })}\n`,
    );
    await runWorksImport(second.id);
    expect(counts(await importRow(second.id))).toEqual({ created: 1, updated: 1, unchanged: 0, rejected: 0, disputed: 1 });
    expect(await db.dispute.count({ where: { claimantOrgId: organization.id, workId: held.id } })).toBe(1);
    const [note] = await errorsOf(second.id);
    expect(note).toMatchObject({ lineNumber: 3, reason: expect.stringMatching(/^Enrolled, but ISBN \d+ is held by another rightsholder/) });
  });
});

const ONIX = (products: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<ONIXMessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/reference">\n${products}</ONIXMessage>\n`;
const product = (isbn: string, title: string) =>
  `<Product><RecordReference>${isbn}</RecordReference><ProductIdentifier><ProductIDType>15</ProductIDType><IDValue>${isbn}</IDValue></ProductIdentifier>
<DescriptiveDetail><TitleDetail><TitleType>01</TitleType><TitleElement><TitleElementLevel>01</TitleElementLevel><TitleText>${title}</TitleText></TitleElement></TitleDetail>
<Contributor><SequenceNumber>1</SequenceNumber><PersonName>Ann Lee</PersonName></Contributor></DescriptiveDetail>
<PublishingDetail><Publisher><PublishingRole>01</PublishingRole><PublisherName>Onix Press</PublisherName></Publisher>
<PublishingDate><PublishingDateRole>01</PublishingDateRole><Date>20200101</Date></PublishingDate></PublishingDetail></Product>\n`;

describe("an ONIX import, end to end", () => {
  it("enrolls products and rejects the one without a title, by the line of its <Product>", async () => {
    const { organization, owner } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const xml = ONIX(product(uniqueIsbn(), "First") + product(uniqueIsbn(), "") + product(uniqueIsbn(), "Third"));
    const started = await uploadWorksFile(owner.actor, organization.id, "feed.xml", xml);
    expect(started.format).toBe("ONIX");
    expect(await runWorksImport(started.id)).toBe("completed");
    expect(counts(await importRow(started.id))).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 1, disputed: 0 });
    expect(await errorsOf(started.id)).toEqual([{ lineNumber: 8, reason: "title: Enter the title.", rawLine: expect.stringContaining("<Product>") }]);
    const work = await db.work.findFirstOrThrow({ where: { rightsholderId: organization.id, title: "First" } });
    expect(work).toMatchObject({ contributors: ["Ann Lee"], publisher: "Onix Press", publicationYear: 2020, type: "BOOK" });
  });

  it("stops at malformed XML: rows before it stay and are counted, the import fails with the line", async () => {
    const { organization, owner } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const xml = ONIX(`${product(uniqueIsbn(), "Kept")}<Product><Broken></Product>\n${product(uniqueIsbn(), "Never read")}`);
    const started = await uploadWorksFile(owner.actor, organization.id, "broken.xml", xml);
    expect(await runWorksImport(started.id, { batchRows: 1 })).toBe("failed");
    const failed = await importRow(started.id);
    expect(failed).toMatchObject({ status: "FAILED", processedRows: 1, createdCount: 1 });
    expect(failed.errorMessage).toMatch(/not well-formed at line 8.*The 1 row before line 8 were imported/);
    expect(await errorsOf(started.id)).toEqual([expect.objectContaining({ lineNumber: 8, reason: expect.stringMatching(/not well-formed/) })]);
    expect(await db.work.count({ where: { rightsholderId: organization.id } })).toBe(1);
    const [mail] = await mailsTo(owner.user.email);
    expect(mail!.subject).toBe("Your works import broken.xml stopped");
  });
});

describe("crashes and concurrency", () => {
  /** 23 rows (new ISBNs each call), two repeating an earlier row's identifier (one across the crash point). */
  function longCsv() {
    const isbns = Array.from({ length: 21 }, () => uniqueIsbn());
    const lines = [CSV_HEADER, ...isbns.map((isbn, i) => csvLine({ isbn, title: `Work ${i + 1}` }))];
    lines.push(csvLine({ isbn: isbns[2]!, title: "Repeat of line 4" }), csvLine({ isbn: isbns[15]!, title: "Repeat of line 17" }));
    return `${lines.join("\n")}\n`;
  }

  async function finalState(organizationId: string, importId: string) {
    const row = await importRow(importId);
    return {
      status: row.status,
      processedRows: row.processedRows,
      counts: counts(row),
      works: (await db.work.findMany({ where: { rightsholderId: organizationId }, select: { title: true }, orderBy: { title: "asc" } })).map((w) => w.title),
      identifiers: await db.workIdentifier.count({ where: { work: { rightsholderId: organizationId } } }),
      errors: (await errorsOf(importId)).map((e) => [e.lineNumber, e.reason.replace(/\d{13}/, "ISBN")]),
      audits: await db.auditLog.count({ where: { organizationId, entityType: "Work" } }),
    };
  }

  it("resumes after a crash to the same state as an uninterrupted run, with nothing doubled", async () => {
    const reference = await createOrganizationWithPeople("RIGHTSHOLDER");
    const whole = await uploadWorksFile(reference.owner.actor, reference.organization.id, "long.csv", longCsv());
    await runWorksImport(whole.id, { batchRows: 5 });

    const crashed = await createOrganizationWithPeople("RIGHTSHOLDER");
    const started = await uploadWorksFile(crashed.owner.actor, crashed.organization.id, "long.csv", longCsv());
    expect(await runWorksImport(started.id, { batchRows: 5, stopAfterBatches: 2 })).toBe("stopped");
    expect(await importRow(started.id)).toMatchObject({ status: "PROCESSING", processedRows: 10, createdCount: 10 });
    expect(await runWorksImport(started.id, { batchRows: 5, stopAfterBatches: 1 })).toBe("stopped");
    expect((await importRow(started.id)).processedRows).toBe(15);
    expect(await runWorksImport(started.id, { batchRows: 5 })).toBe("completed");

    const expected = await finalState(reference.organization.id, whole.id);
    expect(expected.counts).toEqual({ created: 21, updated: 0, unchanged: 0, rejected: 2, disputed: 0 });
    expect(await finalState(crashed.organization.id, started.id)).toEqual(expected);
    expect(await mailsTo(crashed.owner.user.email)).toHaveLength(1);
  });

  it("rolls back the batches after one the database refuses, and a re-run ends where an uninterrupted run does", async () => {
    const reference = await createOrganizationWithPeople("RIGHTSHOLDER");
    const whole = await uploadWorksFile(reference.owner.actor, reference.organization.id, "long.csv", longCsv());
    await runWorksImport(whole.id, { batchRows: 3 });

    // Line 9 ("Work 8", in the third batch of three rows) fails inside PostgreSQL while the batch
    // after it is already in flight; that one must not commit either.
    const { organization, owner } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const trigger = `refuse_${organization.id.replace(/-/g, "")}`;
    await db.$executeRawUnsafe(`CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."rightsholderId" = '${organization.id}' AND NEW.title = 'Work 8' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER ${trigger} BEFORE INSERT ON works FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
    const started = await uploadWorksFile(owner.actor, organization.id, "long.csv", longCsv());
    try {
      await expect(runWorksImport(started.id, { batchRows: 3 })).rejects.toThrow(/refused for the test/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${trigger} ON works`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${trigger}()`);
    }
    expect(await importRow(started.id)).toMatchObject({ status: "PROCESSING", processedRows: 6, createdCount: 6 });
    expect(await db.work.count({ where: { rightsholderId: organization.id } })).toBe(6);

    expect(await runWorksImport(started.id, { batchRows: 3 })).toBe("completed");
    expect(await finalState(organization.id, started.id)).toEqual(await finalState(reference.organization.id, whole.id));
  });

  it("lets two workers run one import at once without applying a batch twice", async () => {
    const reference = await createOrganizationWithPeople("RIGHTSHOLDER");
    const whole = await uploadWorksFile(reference.owner.actor, reference.organization.id, "long.csv", longCsv());
    await runWorksImport(whole.id, { batchRows: 3 });

    const { organization, owner } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const started = await uploadWorksFile(owner.actor, organization.id, "long.csv", longCsv());
    const outcomes = await Promise.all([runWorksImport(started.id, { batchRows: 3 }), runWorksImport(started.id, { batchRows: 3 })]);
    expect(outcomes).toContain("completed");
    expect(await finalState(organization.id, started.id)).toEqual(await finalState(reference.organization.id, whole.id));
    expect(await mailsTo(owner.user.email)).toHaveLength(1);
  });

  it("runs as the works.import job, renewing its lease, and a stale claim cannot renew it", async () => {
    const { organization, owner } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const started = await uploadWorksFile(owner.actor, organization.id, "job.csv", `${CSV_HEADER}\n${csvLine({ isbn: uniqueIsbn(), title: "By Job" })}\n`);
    const job = await db.job.findFirstOrThrow({ where: { singletonKey: `works.import:${started.id}` } });
    expect(await runDueJobs([worksImportJob], { maxJobs: 50 })).toBeGreaterThanOrEqual(1);
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "SUCCEEDED" });
    expect((await importRow(started.id)).status).toBe("COMPLETED");

    const other = await uploadWorksFile(owner.actor, organization.id, "lease.csv", `${CSV_HEADER}\n${csvLine({ isbn: uniqueIsbn(), title: "Lease" })}\n`);
    const otherJob = await db.job.findFirstOrThrow({ where: { singletonKey: `works.import:${other.id}` } });
    await db.job.update({ where: { id: otherJob.id }, data: { name: `test.lease.${other.id}` } });
    const [claimed] = await claimJobs("worker-a", [`test.lease.${other.id}`], 1, 60);
    expect(await extendJobLease(claimed!.id, claimed!.attempts, 600)).toBe(true);
    expect((await db.job.findUniqueOrThrow({ where: { id: claimed!.id } })).lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 500_000);
    expect(await extendJobLease(claimed!.id, claimed!.attempts - 1, 600)).toBe(false);
  });

  it("marks an import failed when its stored file is gone", async () => {
    const { organization, owner } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const started = await uploadWorksFile(owner.actor, organization.id, "gone.csv", `${CSV_HEADER}\n${csvLine({ isbn: uniqueIsbn(), title: "Gone" })}\n`);
    const { storagePath } = await importRow(started.id);
    const { unlink } = await import("node:fs/promises");
    await unlink(path.join(storage, storagePath));
    expect(await runWorksImport(started.id)).toBe("failed");
    expect((await importRow(started.id)).errorMessage).toMatch(/no longer on the server/);
  });
});

describe("uploads that are refused leave nothing behind", () => {
  it("refuses a workbook, an unknown column, a cut-off upload and an empty file", async () => {
    const { organization, owner } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    await expect(uploadWorksFile(owner.actor, organization.id, "works.xlsx", xlsx)).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/zip archive.*CSV UTF-8/) });
    await expect(uploadWorksFile(owner.actor, organization.id, "works.csv", "isbn,title,colour\n1,2,3\n")).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringMatching(/Unknown column "colour"/),
    });
    const { startWorksImport } = await import("@/server/imports/start-works-import");
    const { bytesOf } = await import("../factories/imports");
    await expect(
      startWorksImport(owner.actor, { organizationId: organization.id, fileName: "cut.csv", body: bytesOf(`${CSV_HEADER}\n`), declaredSize: 10_000 }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/cut off/) });
    await expect(uploadWorksFile(owner.actor, organization.id, "empty.csv", "")).rejects.toMatchObject({ message: "The file is empty." });
    await expect(
      startWorksImport(owner.actor, { organizationId: organization.id, fileName: "big.csv", body: bytesOf("x"), declaredSize: 3 * 1024 ** 3 }),
    ).rejects.toMatchObject({ name: "UploadTooLargeError", message: expect.stringMatching(/larger than 2 GB/) });
    expect(await db.worksImport.count({ where: { organizationId: organization.id } })).toBe(0);
    const dir = path.join(storage, organization.id);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it("stops streaming a body that goes over the limit and removes the partial file", async () => {
    const { storeUpload, UploadTooLargeError } = await import("@/server/imports/stored-upload");
    const { bytesOf } = await import("../factories/imports");
    const file = path.join(storage, "limit-test", "over.upload");
    await expect(storeUpload(bytesOf(Buffer.alloc(10_000, 0x61), 1000), file, 5_000)).rejects.toBeInstanceOf(UploadTooLargeError);
    expect(existsSync(file)).toBe(false);
    const stored = await storeUpload(bytesOf("hello", 2), path.join(storage, "limit-test", "ok.upload"), 5_000);
    expect(stored).toMatchObject({ size: 5, sha256: "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824" });
  });

  it("lists the first errors for the page", async () => {
    const { organization, owner } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const { csv } = mixedCsv();
    const started = await uploadWorksFile(owner.actor, organization.id, "c.csv", csv);
    await runWorksImport(started.id);
    const errors = await listImportErrors(owner.actor, { organizationId: organization.id, importId: started.id, take: 2 });
    expect(errors.map((e) => e.lineNumber)).toEqual([4, 5]);
  });
});
