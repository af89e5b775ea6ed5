import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { PDFDocument, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { formatCents } from "@/lib/pricing/price-license";
import { db } from "@/server/db";
import { statementCsv, STATEMENT_CSV_COLUMNS } from "@/server/statements/statement-csv";
import { statementCsvResponse, statementPdfResponse } from "@/server/statements/statement-downloads-http";
import { statementPdf } from "@/server/statements/statement-pdf";
import { createOrganizationWithPeople, createStaffActor } from "../factories";
import { uniquePastQuarter } from "../factories/distribution";
import { createStatementRun } from "../factories/statements";
import { createWork } from "../factories/works";

/** RFC 4180 rows: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(cell); cell = ""; }
    else if (ch === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i++; }
    else cell += ch;
  }
  return rows;
}

async function collect(lines: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of lines) text += chunk;
  return text;
}

/** The PDF's text as a reader sees it: pdftotext when installed, else the strings of the (inflated) content streams. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  try {
    const dir = mkdtempSync(path.join(tmpdir(), "statement-pdf-"));
    try {
      writeFileSync(path.join(dir, "s.pdf"), bytes);
      return execFileSync("pdftotext", ["-layout", path.join(dir, "s.pdf"), "-"], { encoding: "latin1" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    const pdf = await PDFDocument.load(bytes);
    const texts: string[] = [];
    for (const [, object] of pdf.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFRawStream)) continue;
      const content = inflateSync(Buffer.from(object.getContents())).toString("latin1");
      for (const m of content.matchAll(/<([0-9A-Fa-f]+)> Tj/g)) texts.push(Buffer.from(m[1]!, "hex").toString("latin1"));
    }
    return texts.join("\n");
  }
}

async function paidStatementWithLines(count: number) {
  const rh = await createOrganizationWithPeople("RIGHTSHOLDER");
  const licensee = await createOrganizationWithPeople("LICENSEE");
  const quarter = await uniquePastQuarter();
  const works = await db.work.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({ rightsholderId: rh.organization.id, title: `Work ${i}`, normalizedTitle: `work ${i}`, type: "BOOK" as const })),
    select: { id: true },
  });
  const formulaWork = await createWork(rh.organization.id, { title: "=HYPERLINK(\"http://evil.test\")" });
  const { statements } = await createStatementRun({
    quarter: quarter.code,
    statements: [{
      rightsholderId: rh.organization.id, carriedInCents: 4_321n, withholdingBps: 3_000,
      lines: [
        { workId: formulaWork.id, title: formulaWork.title, identifier: "+1234", allocations: [{ licenseeOrganizationId: licensee.organization.id, amountCents: 55_555n, adminFeeCents: 9_804n, units: 777n }] },
        ...works.map((w, i) => ({ workId: w.id, title: `Work, "quoted" ${i}`, allocations: [{ licenseeOrganizationId: licensee.organization.id, amountCents: BigInt(1_000 + i * 37), adminFeeCents: BigInt(176 + i), units: BigInt(10 + i) }] })),
      ],
    }],
  });
  return { rh, licensee, statement: statements[0]! };
}

// One statement of 121 lines (a formula-like one, and enough for several PDF pages) serves every test: one quarter.
let shared: ReturnType<typeof paidStatementWithLines> | undefined;
const sharedStatement = () => (shared ??= paidStatementWithLines(120));

describe("statement downloads", () => {
  it("writes a CSV whose lines add up to the statement's totals, with formula-like cells neutralised", async () => {
    const { rh, statement } = await sharedStatement();
    const { fileName, lines } = await statementCsv(rh.member.actor, statement.id);
    expect(fileName).toMatch(/^statement-\d{4}Q\d-rightsholder-.*\.csv$/);
    const rows = parseCsv((await collect(lines)).replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual([...STATEMENT_CSV_COLUMNS]);
    const blank = rows.findIndex((r) => r.length === 1 && r[0] === "");
    const body = rows.slice(1, blank);
    expect(body).toHaveLength(121);
    const column = (name: (typeof STATEMENT_CSV_COLUMNS)[number]) => body.reduce((sum, r) => sum + BigInt(r[STATEMENT_CSV_COLUMNS.indexOf(name)]!), 0n);
    const summary = Object.fromEntries(rows.slice(blank + 2).map((r) => [r[0], r[1]]));
    expect(rows[blank + 1]).toEqual(["summary", "value"]);

    expect(column("gross_cents")).toBe(statement.grossCents);
    expect(column("admin_fee_share_cents")).toBe(statement.adminFeeCents);
    expect(column("gross_cents") - column("admin_fee_share_cents")).toBe(statement.allocatedCents);
    expect(column("net_cents")).toBe(statement.allocatedCents - column("withholding_cents"));
    expect(column("withholding_cents") + BigInt(summary.withheld_on_carried_in_cents!)).toBe(statement.withheldCents);
    expect(statement.paidCents > 0n && statement.withheldCents > 0n).toBe(true);
    for (const [item, value] of [["carried_in_cents", statement.carriedInCents], ["allocated_cents", statement.allocatedCents], ["withheld_cents", statement.withheldCents], ["paid_cents", statement.paidCents], ["carried_out_cents", statement.carriedOutCents], ["threshold_cents", statement.thresholdCents]] as const) {
      expect(summary[item], item).toBe(value.toString());
    }
    const formulaRow = body.find((r) => r[1]!.includes("HYPERLINK"))!;
    expect(formulaRow[0]).toBe("'+1234");
    expect(formulaRow[1]).toBe("'=HYPERLINK(\"http://evil.test\")");
    expect(body.some((r) => r[1] === 'Work, "quoted" 3')).toBe(true);
  });

  it("draws a paginated PDF whose text holds the statement's totals", async () => {
    const { rh, statement } = await sharedStatement();
    const { fileName, bytes } = await statementPdf(await createStaffActor("ANALYST"), statement.id);
    expect(fileName.endsWith(".pdf")).toBe(true);
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    expect(pages).toBeGreaterThan(1);
    const text = await pdfText(bytes);
    expect(text).toContain(rh.organization.name);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    for (const cents of [statement.carriedInCents, statement.grossCents, statement.adminFeeCents, statement.allocatedCents, statement.withheldCents, statement.paidCents, statement.thresholdCents]) {
      expect(text).toContain(formatCents(cents));
    }
    const lineNet = await db.statementLine.aggregate({ where: { statementId: statement.id }, _sum: { netCents: true, withholdingCents: true } });
    expect(text).toContain(formatCents(lineNet._sum.netCents!));
    expect(text).toContain(formatCents(lineNet._sum.withholdingCents!));
    expect(text).toContain("121 lines");
  });

  it("answers the routes with 401, 403 and 404 for those who may not have the file", async () => {
    const { rh, licensee, statement } = await sharedStatement();
    const other = await createOrganizationWithPeople("RIGHTSHOLDER");
    expect((await statementCsvResponse(null, statement.id)).status).toBe(401);
    expect((await statementPdfResponse(licensee.owner.actor, statement.id)).status).toBe(403);
    expect((await statementCsvResponse(other.owner.actor, statement.id)).status).toBe(404);
    expect((await statementPdfResponse(other.owner.actor, statement.id)).status).toBe(404);
    const csv = await statementCsvResponse(rh.owner.actor, statement.id);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const pdf = await statementPdfResponse(rh.owner.actor, statement.id);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
