import "server-only";
import { COVERAGE_ENDPOINTS, COVERAGE_SCHEMAS } from "./endpoints/coverage";
import { LICENSE_TERMS_ENDPOINTS, LICENSE_TERMS_SCHEMAS } from "./endpoints/license-terms";
import { STATEMENTS_ENDPOINTS, STATEMENTS_SCHEMAS } from "./endpoints/statements";
import { USAGE_REPORTS_ENDPOINTS, USAGE_REPORTS_SCHEMAS } from "./endpoints/usage-reports";
import { WORKS_ENDPOINTS, WORKS_SCHEMAS } from "./endpoints/works";
import type { EndpointDefinition, NamedSchemas } from "./openapi-types";
import { ZApiError, ZIdentifier } from "./schemas/common.response";
import { ERROR_COMPONENT } from "./shared-responses";

// Every /api/v1 endpoint, one resource file each, in the order the reference shows them. A test
// checks that each route handler under src/app/api/v1 is here with each method it really serves.

export const API_TAGS = [
  { name: "Works", description: "A rightsholder's works: list them, enroll and update them (works:read, works:write)." },
  { name: "Statements", description: "A rightsholder's royalty statements (statements:read)." },
  { name: "Coverage", description: "Whether works are covered by a licensee's license, one at a time or in bulk (coverage:read)." },
  { name: "Usage reports", description: "A licensee's quarterly usage reports (usage:write, usage:read)." },
  { name: "License", description: "The license's public terms (no key)." },
];

export const API_ENDPOINTS: EndpointDefinition[] = [
  ...WORKS_ENDPOINTS,
  ...STATEMENTS_ENDPOINTS,
  ...COVERAGE_ENDPOINTS,
  ...USAGE_REPORTS_ENDPOINTS,
  ...LICENSE_TERMS_ENDPOINTS,
];

const SHARED_SCHEMAS: NamedSchemas = { request: {}, response: { [ERROR_COMPONENT]: ZApiError, Identifier: ZIdentifier } };

export const API_SCHEMAS: NamedSchemas[] = [SHARED_SCHEMAS, WORKS_SCHEMAS, STATEMENTS_SCHEMAS, COVERAGE_SCHEMAS, USAGE_REPORTS_SCHEMAS, LICENSE_TERMS_SCHEMAS];
