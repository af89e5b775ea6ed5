// GET /api/works-imports/template: the CSV template (the documented header and two examples).
// It holds no data, so anyone may download it.
import { templateCsv } from "@/server/imports/imports.schema";

export function GET(): Response {
  return new Response(`\uFEFF${templateCsv()}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="clearway-works-template.csv"',
      "Cache-Control": "public, max-age=3600",
    },
  });
}
