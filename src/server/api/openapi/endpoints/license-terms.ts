import "server-only";
import type { EndpointDefinition, NamedSchemas } from "../openapi-types";
import { ZLicenseTerms } from "../schemas/license-terms.response";

// GET /api/v1/license-terms: public, no key (decision 016).

export const LICENSE_TERMS_SCHEMAS: NamedSchemas = { request: {}, response: { LicenseTerms: ZLicenseTerms } };

export const LICENSE_TERMS_ENDPOINTS: EndpointDefinition[] = [
  {
    method: "get",
    path: "/api/v1/license-terms",
    operationId: "getLicenseTerms",
    tag: "License",
    summary: "The license's terms",
    description:
      "Who may buy the license, what it permits, the price schedule in force and where to acquire it: the same terms as the /terms page, the RSL document and tdmrep.json. Public: no key needed.",
    scope: null,
    responses: {
      200: {
        description: "The terms.",
        body: "LicenseTerms",
        headers: { "Cache-Control": { description: "public, max-age=300: the terms change rarely.", required: true, schema: { type: "string" } } },
      },
    },
  },
];
