// GET /api/works-imports/[id]: an import's progress and counts, polled by the imports pages.
import { getActor } from "@/server/auth/session";
import { worksImportProgressResponse } from "@/server/imports/imports-http";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return worksImportProgressResponse(await getActor(), id);
}
