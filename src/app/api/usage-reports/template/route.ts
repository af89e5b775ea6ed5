// GET /api/usage-reports/template: the usage CSV template (the header and two examples). It holds
// no data, so anyone may download it.
import { usageTemplateCsv } from "@/server/usage/usage-reports.schema";

export function GET(): Response {
  return new Response(`\uFEFF${usageTemplateCsv()}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="clearway-usage-template.csv"',
      "Cache-Control": "public, max-age=3600",
    },
  });
}
