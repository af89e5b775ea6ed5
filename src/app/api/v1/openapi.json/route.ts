// GET /api/v1/openapi.json: the OpenAPI 3.1 description of /api/v1, generated from the zod
// schemas the endpoints validate with. Public, no key: it is the published API description.
// The people's version is /developers/api.
import { jsonResponse, methodNotAllowed } from "@/server/api/http";
import { openApiDocument } from "@/server/api/openapi/build-openapi-document";

export const dynamic = "force-dynamic";

export function GET(): Response {
  // Built once per process; it changes only with a deployment, so caches may keep it a while.
  return jsonResponse(openApiDocument(), 200, { "Cache-Control": "public, max-age=300" });
}

const notAllowed = () => methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
