import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as template } from "@/app/api/works-imports/template/route";
import type { UserActor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { importErrorsCsvResponse, uploadWorksImportResponse, worksImportProgressResponse } from "@/server/imports/imports-http";
import { runWorksImport } from "@/server/imports/run-works-import";
import { createOrganizationWithPeople } from "../factories";
import { CSV_HEADER, csvLine, setUpTempImportStorage } from "../factories/imports";
import { uniqueIsbn } from "../factories/works";

beforeAll(() => {
  setUpTempImportStorage();
});

function uploadRequest(body: string | Uint8Array, fileName = "works.csv", headers: Record<string, string> = {}): Request {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  return new Request("http://localhost/api/works-imports", {
    method: "POST",
    headers: { "Content-Type": "text/csv", "X-File-Name": encodeURIComponent(fileName), "Content-Length": String(bytes.byteLength), ...headers },
    body: bytes.slice().buffer,
  });
}

type ErrorBody = { error: { code: string; message: string } };

async function upload(actor: UserActor | null, body: string | Uint8Array, fileName?: string, headers?: Record<string, string>) {
  const response = await uploadWorksImportResponse(actor, uploadRequest(body, fileName, headers));
  return { status: response.status, body: (await response.json()) as { import?: { id: string; fileName: string; format: string } } & Partial<ErrorBody> };
}

const goodCsv = () => `${CSV_HEADER}\n${csvLine({ isbn: uniqueIsbn(), title: "Route Work" })}\n`;

describe("POST /api/works-imports", () => {
  it("refuses the anonymous (401) and people outside any rightsholder (403), creating nothing", async () => {
    const licensee = await createOrganizationWithPeople("LICENSEE");
    const before = await db.worksImport.count();
    const anonymous = await upload(null, goodCsv());
    expect(anonymous).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED" } } });
    const refused = await upload(licensee.owner.actor, goodCsv());
    expect(refused).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN", message: expect.stringMatching(/rightsholder/) } } });
    expect(await db.worksImport.count()).toBe(before);
  });

  it("files the upload under the uploader's own organisation, whatever the request says", async () => {
    const target = await createOrganizationWithPeople("RIGHTSHOLDER");
    const other = await createOrganizationWithPeople("RIGHTSHOLDER");
    const created = await upload(other.owner.actor, goodCsv(), "Spring catalogue ✓.csv", { "X-Organization-Id": target.organization.id });
    expect(created).toMatchObject({ status: 201, body: { import: { fileName: "Spring catalogue ✓.csv", format: "CSV" } } });
    const row = await db.worksImport.findUniqueOrThrow({ where: { id: created.body.import!.id } });
    expect(row.organizationId).toBe(other.organization.id);
    expect(await db.worksImport.count({ where: { organizationId: target.organization.id } })).toBe(0);
  });

  it("answers clear JSON errors for a bad file, a too-large declared size and a missing name", async () => {
    const { owner } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const unknown = await upload(owner.actor, "isbn,title,colour\n9780306406157,T,red\n");
    expect(unknown).toMatchObject({ status: 422, body: { error: { code: "VALIDATION", message: expect.stringMatching(/Unknown column "colour"/) } } });
    const huge = await uploadWorksImportResponse(
      owner.actor,
      new Request("http://localhost/api/works-imports", { method: "POST", headers: { "X-File-Name": "big.csv", "Content-Length": String(3 * 1024 ** 3) }, body: "x" }),
    );
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as ErrorBody).error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: expect.stringMatching(/larger than 2 GB/) });
    const nameless = await uploadWorksImportResponse(owner.actor, new Request("http://localhost/api/works-imports", { method: "POST", body: goodCsv() }));
    expect(nameless.status).toBe(422);
  });
});

describe("GET /api/works-imports/[id] and its error file", () => {
  it("shows an import's progress to its organisation only, and streams the error file with formula cells neutralised", async () => {
    const { owner } = await createOrganizationWithPeople("RIGHTSHOLDER");
    const other = await createOrganizationWithPeople("RIGHTSHOLDER");
    const [fine, formula] = [uniqueIsbn(), uniqueIsbn()];
    const csv = `title,isbn\nFine,${fine}\n=cmd(),${formula}\n"Bad, ""quoted""",123\n`;
    const created = await upload(owner.actor, csv, "mixed.csv");
    const id = created.body.import!.id;

    const queued = await worksImportProgressResponse(owner.actor, id);
    expect(await queued.json()).toMatchObject({ status: "QUEUED", isActive: true, percent: 0 });
    await runWorksImport(id);
    const done = await worksImportProgressResponse(owner.actor, id);
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: "COMPLETED", isActive: false, percent: 100, processedRows: 3, counts: { created: 1, rejected: 2 }, errorRowCount: 2 });

    for (const outsider of [other.owner.actor]) {
      expect((await worksImportProgressResponse(outsider, id)).status).toBe(404);
      expect((await importErrorsCsvResponse(outsider, id)).status).toBe(404);
    }
    expect((await worksImportProgressResponse(null, id)).status).toBe(401);
    expect((await worksImportProgressResponse(owner.actor, randomUUID())).status).toBe(404);
    expect((await worksImportProgressResponse(owner.actor, "not-an-id")).status).toBe(404);

    const file = await importErrorsCsvResponse(owner.actor, id);
    expect(file.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(file.headers.get("content-disposition")).toContain('filename="mixed-errors.csv"');
    const text = await file.text();
    const lines = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("line,reason,raw_line");
    expect(lines[1]).toBe(`3,"title: starts with ""="", which a spreadsheet would run as a formula. Remove it, or put an apostrophe (') in front to keep it as text.","'=cmd(),${formula}"`);
    expect(lines[2]).toMatch(/^4,"identifiers: ISBN ""123"": An ISBN has 13 digits.*","""Bad, """"quoted"""""",123"$/);
    expect(lines).toHaveLength(3);
  });

  it("serves the CSV template with the documented header", async () => {
    const response = template();
    const text = await response.text();
    expect(text.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(CSV_HEADER);
  });
});
