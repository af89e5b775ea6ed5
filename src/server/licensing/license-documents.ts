import "server-only";
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { countryName } from "@/lib/countries";
import { lastDayOf } from "@/lib/licensing/term";
import { formatCents } from "@/lib/pricing/price-license";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { verificationUrl } from "./verify-license";
import { isUuid } from "@/lib/uuid";

// The license's documents as PDF: the certificate (license number, licensee, term, scope and the
// public verification URL) and the receipt of its payment. Drawn with PDF's standard Helvetica,
// so no font file ships; text it can't encode is shown without accents, or as "?".

const INK = rgb(0.06, 0.09, 0.16);
const MUTED = rgb(0.39, 0.45, 0.55);
const BRAND = rgb(0.11, 0.33, 0.85);

const day = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** Letters that carry no separable accent, written as their base letter. */
const BASE_LETTER: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", Ħ: "H", ħ: "h", ı: "i", Ŧ: "T", ŧ: "t" };

/** `text` as the standard font can draw it (the statements' PDF uses it too). */
export function encodable(text: string, font: PDFFont): string {
  const fits = (ch: string) => {
    try {
      font.encodeText(ch);
      return true;
    } catch {
      return false;
    }
  };
  // Each character as it is when Helvetica has it (é, ü, ß…), else without its accent, else "?".
  return [...text.normalize("NFC")]
    .map((ch) => {
      if (fits(ch)) return ch;
      const base = BASE_LETTER[ch] ?? ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      return base && [...base].every(fits) ? base : "?";
    })
    .join("");
}

/** Draws `text` wrapped to `width`; returns the y below it. */
function paragraph(page: PDFPage, text: string, options: { x: number; y: number; width: number; size: number; font: PDFFont; color?: ReturnType<typeof rgb>; leading?: number }): number {
  const { x, width, size, font } = options;
  let y = options.y;
  let line = "";
  for (const word of encodable(text, font).split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      page.drawText(line, { x, y, size, font, color: options.color ?? INK });
      y -= options.leading ?? size * 1.4;
      line = word;
    } else line = next;
  }
  if (line) page.drawText(line, { x, y, size, font, color: options.color ?? INK });
  return y - (options.leading ?? size * 1.4);
}

async function loadDocumentGrant(actor: Actor | null, organizationId: string, grantId: string) {
  authorize(can.readLicensee(actor, organizationId));
  if (!isUuid(grantId)) throw notFound("That license");
  const grant = await db.licenseGrant.findFirst({
    where: { id: grantId, organizationId },
    include: {
      plan: { select: { name: true } },
      organization: { select: { name: true, licenseeProfile: { select: { legalName: true, country: true } } } },
      payments: { where: { status: "SUCCEEDED" }, orderBy: { paidAt: "asc" } },
      refunds: { orderBy: { createdAt: "asc" }, select: { amountCents: true, effectiveOn: true } },
    },
  });
  if (!grant) throw notFound("That license");
  if (!grant.startsOn || !grant.endsOn || !["ACTIVE", "EXPIRED"].includes(grant.status)) {
    throw new AppError("CONFLICT", "This license has no certificate: it was not issued (or was revoked).");
  }
  return { ...grant, startsOn: grant.startsOn, endsOn: grant.endsOn };
}

async function newDocument(title: string) {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setProducer("Clearway");
  pdf.setCreator("Clearway");
  const page = pdf.addPage([595.28, 841.89]); // A4
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  page.drawRectangle({ x: 0, y: 801, width: 595.28, height: 41, color: BRAND });
  page.drawText("Clearway", { x: 56, y: 815, size: 16, font: bold, color: rgb(1, 1, 1) });
  page.drawText("Collective AI training license", { x: 140, y: 816, size: 10, font: regular, color: rgb(0.9, 0.93, 1) });
  return { pdf, page, regular, bold };
}

function facts(page: PDFPage, rows: [string, string][], start: number, fonts: { regular: PDFFont; bold: PDFFont }): number {
  let y = start;
  for (const [label, value] of rows) {
    page.drawText(encodable(label, fonts.regular), { x: 56, y, size: 10, font: fonts.regular, color: MUTED });
    y = paragraph(page, value, { x: 200, y, width: 340, size: 11, font: fonts.bold });
    y -= 6;
  }
  return y;
}

/** The certificate of an issued license: its members and staff download it. */
export async function licenseCertificatePdf(actor: Actor | null, input: { organizationId: string; grantId: string }): Promise<{ fileName: string; bytes: Uint8Array }> {
  const grant = await loadDocumentGrant(actor, input.organizationId, input.grantId);
  const licensee = grant.organization.licenseeProfile?.legalName ?? grant.organization.name;
  const { pdf, page, regular, bold } = await newDocument(`License certificate ${grant.licenseNumber}`);
  page.drawText("License certificate", { x: 56, y: 740, size: 26, font: bold, color: INK });
  let y = paragraph(page, `${grant.plan.name}. This certifies that the organisation below holds the license for the term shown.`, { x: 56, y: 712, width: 480, size: 11, font: regular, color: MUTED });
  y = facts(page, [
    ["License number", grant.licenseNumber],
    ["Licensee", licensee],
    ["Country", countryName(grant.organization.licenseeProfile?.country)],
    ["Term", `${day(grant.startsOn)} to ${day(new Date(`${lastDayOf({ endsOn: grant.endsOn.toISOString().slice(0, 10) })}T00:00:00Z`))} (${grant.termDays} days)`],
    ["Scope", "Training AI systems used outside the licensee's organisation on the works enrolled in the repertoire, for the purposes each work's rightsholder permits (pre-training, fine-tuning, retrieval-augmented generation), on the days each work is enrolled."],
  ], y - 24, { regular, bold });
  page.drawLine({ start: { x: 56, y: y - 10 }, end: { x: 539, y: y - 10 }, thickness: 0.5, color: MUTED });
  y = paragraph(page, "Verify this certificate at:", { x: 56, y: y - 34, width: 480, size: 10, font: regular, color: MUTED });
  paragraph(page, verificationUrl(grant.verificationCode), { x: 56, y: y + 2, width: 480, size: 11, font: bold, color: BRAND });
  page.drawText(encodable(`Issued ${day(grant.activatedAt ?? grant.startsOn)}. A certificate is valid only if the page above confirms it.`, regular), { x: 56, y: 60, size: 9, font: regular, color: MUTED });
  return { fileName: `${grant.licenseNumber}-certificate.pdf`, bytes: await pdf.save() };
}

/** The receipt of the payment for a license. */
export async function licenseReceiptPdf(actor: Actor | null, input: { organizationId: string; grantId: string }): Promise<{ fileName: string; bytes: Uint8Array }> {
  const grant = await loadDocumentGrant(actor, input.organizationId, input.grantId);
  const payment = grant.payments[0];
  if (!payment) throw new AppError("CONFLICT", "No payment was received for this license.");
  const licensee = grant.organization.licenseeProfile?.legalName ?? grant.organization.name;
  const { pdf, page, regular, bold } = await newDocument(`Receipt ${grant.licenseNumber}`);
  page.drawText("Receipt", { x: 56, y: 740, size: 26, font: bold, color: INK });
  facts(page, [
    ["Received from", licensee],
    ["Amount", formatCents(payment.amountCents, payment.currency)],
    ["Paid on", day(payment.paidAt ?? payment.createdAt)],
    ["For", `${grant.plan.name}, license ${grant.licenseNumber}, ${grant.termDays} days from ${day(grant.startsOn)}`],
    ["Payment reference", payment.stripePaymentIntentId ?? payment.id],
    // Refunds stay on the receipt: what was paid, and what came back when.
    ...grant.refunds.map((r): [string, string] => ["Refunded", `${formatCents(r.amountCents, payment.currency)} on ${day(r.effectiveOn)}`]),
  ], 700, { regular, bold });
  return { fileName: `${grant.licenseNumber}-receipt.pdf`, bytes: await pdf.save() };
}
