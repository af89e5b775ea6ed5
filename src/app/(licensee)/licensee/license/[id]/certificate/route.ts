import { licenseCertificatePdf } from "@/server/licensing/license-documents";
import { licenseDocumentResponse } from "@/server/licensing/license-document-response";

// GET /licensee/license/<grant id>/certificate: the license certificate as PDF (the use case checks access).
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return licenseDocumentResponse((await params).id, licenseCertificatePdf);
}
