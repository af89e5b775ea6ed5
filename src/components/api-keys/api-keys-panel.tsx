import type { OrganizationKind } from "@/generated/prisma/enums";
import { API_SCOPES, scopesForKind, type ApiScope } from "@/server/api-keys/api-keys.schema";
import { listApiKeys, type ApiKeyListItem } from "@/server/api-keys/api-keys.queries";
import type { UserActor } from "@/server/auth/actor";
import { can } from "@/server/auth/policies";
import { appUrl } from "@/server/env";
import { Badge } from "../ui/badge";
import { Card, CardTitle } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { ApiUsageGuide } from "./api-usage-guide";
import { CreateApiKeyForm } from "./create-api-key-form";
import { RevokeApiKeyButton } from "./revoke-api-key-button";
import { RotateApiKeyForm } from "./rotate-api-key-form";
import { formatDateTime } from "@/lib/dates";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

const STATUS_BADGE = {
  active: { tone: "green", label: "Active" },
  expired: { tone: "amber", label: "Expired" },
  revoked: { tone: "red", label: "Revoked" },
} as const;

function scopeLabel(scope: string): string {
  return scope in API_SCOPES ? API_SCOPES[scope as ApiScope].label : scope;
}

function KeyRow({ apiKey, organizationId, canManage }: { apiKey: ApiKeyListItem; organizationId: string; canManage: boolean }) {
  const badge = STATUS_BADGE[apiKey.status];
  const isInactive = apiKey.status !== "active";
  return (
    <li className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start sm:justify-between" data-testid="api-key-row">
      <div className={isInactive ? "min-w-0 opacity-70" : "min-w-0"}>
        <div className="flex flex-wrap items-center gap-2">
          <p className="truncate text-sm font-semibold text-slate-900">{apiKey.name}</p>
          <Badge tone={badge.tone}>{badge.label}</Badge>
        </div>
        <p className="mt-1 font-mono text-xs text-slate-600">{apiKey.prefix}…</p>
        <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Permissions">
          {apiKey.scopes.map((scope) => (
            <li key={scope}>
              <span title={scope} className="inline-flex items-center rounded-md bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                {scopeLabel(scope)}
              </span>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-slate-500">
          Created {dateFormat.format(apiKey.createdAt)}
          {apiKey.createdByName ? ` by ${apiKey.createdByName}` : ""}
          {" · "}
          {apiKey.lastUsedAt ? `last used ${formatDateTime(apiKey.lastUsedAt)}` : "never used"}
          {` · up to ${apiKey.rateLimitPerMinute.toLocaleString("en-US")} requests a minute`}
          {apiKey.revokedAt
            ? ` · revoked ${dateFormat.format(apiKey.revokedAt)}`
            : apiKey.expiresAt
              ? ` · ${apiKey.status === "expired" ? "expired" : "expires"} ${dateFormat.format(apiKey.expiresAt)}`
              : ""}
        </p>
      </div>
      {canManage && apiKey.status === "active" ? (
        <div className="flex flex-col items-start gap-2 sm:items-end">
          {/* A key already replaced is only waiting out its grace: rotate its successor instead. */}
          {apiKey.name.endsWith("(rotated)") ? null : <RotateApiKeyForm organizationId={organizationId} apiKeyId={apiKey.id} name={apiKey.name} />}
          <RevokeApiKeyButton organizationId={organizationId} apiKeyId={apiKey.id} name={apiKey.name} />
        </div>
      ) : null}
    </li>
  );
}

/** The organisation's API keys: the list for every member, creation and revocation for owners. */
export async function ApiKeysPanel({ actor, organizationId, kind }: { actor: UserActor; organizationId: string; kind: OrganizationKind }) {
  const keys = await listApiKeys(actor, organizationId);
  const canManage = can.manageApiKeys(actor, organizationId);
  const scopes = scopesForKind(kind).map((value) => ({ value, label: API_SCOPES[value].label, description: API_SCOPES[value].description }));
  const activeCount = keys.filter((k) => k.status === "active").length;
  return (
    <div className="space-y-6">
      {canManage ? (
        <Card>
          <CardTitle description="A key lets one of your systems act for the organisation, within the permissions you give it.">
            Create a key
          </CardTitle>
          <CreateApiKeyForm organizationId={organizationId} scopes={scopes} />
        </Card>
      ) : (
        <p className="rounded-lg bg-white px-4 py-3 text-sm text-slate-700 ring-1 ring-slate-200">
          Only the organisation&apos;s owners create and revoke keys. Ask an owner if one of your systems needs access.
        </p>
      )}
      <Card>
        <CardTitle description="Keys are never shown again after they are created; the start of each is here so you can tell them apart.">
          Keys ({activeCount} active)
        </CardTitle>
        {keys.length === 0 ? (
          <EmptyState title="No API keys yet">
            {canManage
              ? "Create one above for each system that should talk to Clearway, so you can revoke one without stopping the others."
              : "When an owner creates a key, it is listed here."}
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {keys.map((k) => (
              // Active keys by name (unique among them): after a rotation the new key takes the old
              // name, so the row that shows the new secret once is the new key's own row.
              <KeyRow key={k.status === "active" && !k.name.endsWith("(rotated)") ? `active:${k.name}` : k.id} apiKey={k} organizationId={organizationId} canManage={canManage} />
            ))}
          </ul>
        )}
      </Card>
      <ApiUsageGuide kind={kind} baseUrl={`${appUrl()}/api/v1`} />
    </div>
  );
}
