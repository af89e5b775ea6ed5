import "server-only";
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { formatCents } from "@/lib/pricing/price-license";
import { formatShare } from "@/lib/works/co-owner-shares";
import { describeQuarter, parseQuarter } from "@/lib/usage/quarters";
import type { Actor } from "../auth/actor";
import { encodable } from "../licensing/license-documents";
import { fileSlug } from "./statement-csv";
import { allStatementLines, type StatementLineRow } from "./statement-lines-page";
import { loadVisibleStatement, statementLineTotals } from "./statements.queries";

// A statement as PDF, drawn as the license documents are (pdf-lib, the standard Helvetica, the
// brand band): the header (rightsholder, quarter, run), the summary, then the lines table over as
// many landscape A4 pages as it takes (nine columns need the width), with the column headings
// repeated and "page n of m" on each. The figures are the page's own, formatted by formatCents;
// amounts are never cut, only text columns are.

const INK = rgb(0.06, 0.09, 0.16);
const MUTED = rgb(0.39, 0.45, 0.55);
const BRAND = rgb(0.11, 0.33, 0.85);
const RULE = rgb(0.85, 0.87, 0.9);
const PAGE: [number, number] = [841.89, 595.28];
const TOP = PAGE[1];
const LEFT = 40;
const BOTTOM = 56;
const ROW = 13;
const SIZE = 8;

const number = new Intl.NumberFormat("en-GB");
const day = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

type Column = { label: string; width: number; isNumber?: boolean; value: (l: StatementLineRow) => string };
const COLUMNS: Column[] = [
  { label: "Identifier", width: 110, value: (l) => l.identifier ?? "-" },
  { label: "Title", width: 192, value: (l) => l.title },
  { label: "Share", width: 45, isNumber: true, value: (l) => `${formatShare(l.shareBps)}%` },
  { label: "Licensees", width: 55, isNumber: true, value: (l) => number.format(l.licenseesCounted) },
  { label: "Units", width: 72, isNumber: true, value: (l) => number.format(l.units) },
  { label: "Gross", width: 72, isNumber: true, value: (l) => formatCents(l.grossCents) },
  { label: "Admin fee", width: 72, isNumber: true, value: (l) => formatCents(l.adminFeeShareCents) },
  { label: "Withholding", width: 72, isNumber: true, value: (l) => formatCents(l.withholdingCents) },
  { label: "Net", width: 72, isNumber: true, value: (l) => formatCents(l.netCents) },
];

type Fonts = { regular: PDFFont; bold: PDFFont };

/** Text the font can draw, cut with an ellipsis to fit `width`. Plain ASCII skips the per-letter check. */
function fit(text: string, font: PDFFont, width: number): string {
  let drawable = /^[\x20-\x7E]*$/.test(text) ? text : encodable(text, font);
  if (font.widthOfTextAtSize(drawable, SIZE) <= width) return drawable;
  while (drawable.length > 1 && font.widthOfTextAtSize(`${drawable}...`, SIZE) > width) drawable = drawable.slice(0, -1);
  return `${drawable}...`;
}

function drawRow(page: PDFPage, y: number, cells: string[], font: PDFFont) {
  let x = LEFT;
  COLUMNS.forEach((column, index) => {
    const text = column.isNumber ? (cells[index] ?? "") : fit(cells[index] ?? "", font, column.width - 4);
    const at = column.isNumber ? x + column.width - 2 - font.widthOfTextAtSize(text, SIZE) : x;
    page.drawText(text, { x: at, y, size: SIZE, font, color: INK });
    x += column.width;
  });
}

function tableHeading(page: PDFPage, y: number, fonts: Fonts): number {
  drawRow(page, y, COLUMNS.map((c) => c.label), fonts.bold);
  page.drawLine({ start: { x: LEFT, y: y - 4 }, end: { x: PAGE[0] - LEFT, y: y - 4 }, thickness: 0.5, color: MUTED });
  return y - ROW - 2;
}

function newPage(pdf: PDFDocument, fonts: Fonts, caption: string): PDFPage {
  const page = pdf.addPage(PAGE);
  page.drawRectangle({ x: 0, y: TOP - 41, width: PAGE[0], height: 41, color: BRAND });
  page.drawText("Clearway", { x: LEFT, y: TOP - 27, size: 16, font: fonts.bold, color: rgb(1, 1, 1) });
  page.drawText(fit(caption, fonts.regular, 600), { x: 130, y: TOP - 26, size: 10, font: fonts.regular, color: rgb(0.9, 0.93, 1) });
  return page;
}

/** The statement as a PDF: its members (and staff) download it; another organisation's is "not found". */
export async function statementPdf(actor: Actor | null, statementId: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const statement = await loadVisibleStatement(actor, statementId);
  const totals = await statementLineTotals(statement.id);
  const quarter = parseQuarter(statement.run.quarter);
  const rightsholder = statement.rightsholder.rightsholderProfile?.legalName ?? statement.rightsholder.name;
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Royalty statement ${statement.run.quarter} ${rightsholder}`);
  pdf.setProducer("Clearway");
  pdf.setCreator("Clearway");
  const fonts: Fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const caption = `Royalty statement ${statement.run.quarter}`;

  let page = newPage(pdf, fonts, caption);
  page.drawText("Royalty statement", { x: LEFT, y: TOP - 86, size: 22, font: fonts.bold, color: INK });
  page.drawText(fit(rightsholder, fonts.bold, 700), { x: LEFT, y: TOP - 108, size: 12, font: fonts.bold, color: INK });
  const runLine = `${quarter ? describeQuarter(quarter) : statement.run.quarter} · distribution run approved ${statement.run.approvedAt ? day(statement.run.approvedAt) : "-"}`;
  page.drawText(fit(runLine, fonts.regular, 700), { x: LEFT, y: TOP - 124, size: 10, font: fonts.regular, color: MUTED });

  const summary: [string, string][] = [
    ["Carried in", formatCents(statement.carriedInCents)],
    ["Gross royalties", formatCents(statement.grossCents)],
    ["Administrative fee", formatCents(statement.adminFeeCents)],
    ["Allocated", formatCents(statement.allocatedCents)],
    ["Withheld (tax)", `${formatCents(statement.withheldCents)} at ${statement.withholdingBps / 100}%`],
    ["Paid", formatCents(statement.paidCents)],
    ["Carried out", formatCents(statement.carriedOutCents)],
    ["Payout threshold", formatCents(statement.thresholdCents)],
    ["Held for disputes", formatCents(statement.heldCents)],
  ];
  let y = TOP - 152;
  summary.forEach(([label, value], index) => {
    const x = LEFT + (index % 3) * 260;
    page.drawText(label, { x, y, size: 10, font: fonts.regular, color: MUTED });
    page.drawText(value, { x: x + 115, y, size: 10, font: fonts.bold, color: INK });
    if (index % 3 === 2 || index === summary.length - 1) y -= 16;
  });
  if (statement.payoutBlockedReason) {
    page.drawText(fit(`Not paid: ${statement.payoutBlockedReason}`, fonts.regular, 760), { x: LEFT, y, size: 9, font: fonts.regular, color: MUTED });
    y -= 16;
  }
  page.drawLine({ start: { x: LEFT, y: y - 2 }, end: { x: PAGE[0] - LEFT, y: y - 2 }, thickness: 0.5, color: RULE });
  y = tableHeading(page, y - 22, fonts);

  for await (const batch of allStatementLines(statement.id)) {
    for (const line of batch) {
      if (y < BOTTOM) {
        page = newPage(pdf, fonts, `${caption} · ${rightsholder}`);
        y = tableHeading(page, TOP - 70, fonts);
      }
      drawRow(page, y, COLUMNS.map((c) => c.value(line)), fonts.regular);
      y -= ROW;
    }
  }
  if (y < BOTTOM + ROW) {
    page = newPage(pdf, fonts, `${caption} · ${rightsholder}`);
    y = tableHeading(page, TOP - 70, fonts);
  }
  page.drawLine({ start: { x: LEFT, y: y + ROW - 4 }, end: { x: PAGE[0] - LEFT, y: y + ROW - 4 }, thickness: 0.5, color: MUTED });
  drawRow(page, y - 2, ["Total", `${number.format(totals.lineCount)} ${totals.lineCount === 1 ? "line" : "lines"}`, "", "", number.format(totals.units), formatCents(totals.grossCents), formatCents(totals.adminFeeShareCents), formatCents(totals.withholdingCents), formatCents(totals.netCents)], fonts.bold);

  const pages = pdf.getPages();
  pages.forEach((p, index) => {
    p.drawText(`Page ${index + 1} of ${pages.length}`, { x: PAGE[0] - LEFT - 60, y: 30, size: 8, font: fonts.regular, color: MUTED });
    p.drawText("Amounts in US dollars. Withholding on a carried-in balance is on the statement, not on its lines.", { x: LEFT, y: 30, size: 8, font: fonts.regular, color: MUTED });
  });
  return { fileName: `statement-${statement.run.quarter}-${fileSlug(statement.rightsholder.name)}.pdf`, bytes: await pdf.save() };
}
