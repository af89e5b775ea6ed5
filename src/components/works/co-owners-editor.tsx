"use client";

import { useActionState, useEffect, useId, useState, useTransition } from "react";
import { searchCoOwnerCandidatesAction, setCoOwnersAction } from "@/app/_actions/works";
import { SHARE_TOTAL_BPS, formatShare, parseSharePercent } from "@/lib/works/co-owner-shares";
import { FormAlert } from "../forms/form-alert";
import { SubmitButton } from "../forms/submit-button";
import { Badge } from "../ui/badge";
import { cn } from "../ui/cn";
import { INPUT } from "./list-inputs";

export type CoOwnerRow =
  | { key: string; kind: "organization"; organizationId: string; name: string; isSelf: boolean; share: string }
  | { key: string; kind: "external"; name: string; email: string; share: string };

let counter = 0;
const newKey = () => `row-${++counter}`;

function Total({ rows }: { rows: CoOwnerRow[] }) {
  if (rows.length === 0) return <span />;
  const parsed = rows.map((r) => parseSharePercent(r.share));
  const valid = parsed.every((p) => p.ok);
  const total = parsed.reduce((sum, p) => sum + (p.ok ? p.bps : 0), 0);
  const left = SHARE_TOTAL_BPS - total;
  const tone = !valid ? "text-red-700" : left === 0 ? "text-emerald-700" : "text-amber-800";
  return (
    <p data-testid="co-owners-total" aria-live="polite" className={cn("text-sm font-medium", tone)}>
      Total {formatShare(total)}%
      {!valid ? " · check the shares marked in red" : left === 0 ? " ✓" : left > 0 ? ` · ${formatShare(left)}% left to assign` : ` · ${formatShare(-left)}% too much`}
    </p>
  );
}

/** Co-owners and their shares, with the sum kept in view as they are typed. */
export function CoOwnersEditor({ workId, rightsholderId, rightsholderName, initial, canEdit }: {
  workId: number;
  rightsholderId: string;
  rightsholderName: string;
  initial: CoOwnerRow[];
  canEdit: boolean;
}) {
  const [state, action] = useActionState(setCoOwnersAction, null);
  const [rows, setRows] = useState<CoOwnerRow[]>(initial);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<{ id: string; name: string }[] | null>(null);
  const [isSearching, startSearch] = useTransition();
  const [isSearchOpen, setSearchOpen] = useState(false);
  const searchId = useId();
  const errors = state?.fieldErrors ?? {};

  useEffect(() => {
    if (!isSearchOpen || query.trim().length < 2) return;
    const timer = setTimeout(() => {
      startSearch(async () => setResults(await searchCoOwnerCandidatesAction(workId, query.trim())));
    }, 250);
    return () => clearTimeout(timer);
  }, [query, isSearchOpen, workId]);

  const update = (key: string, patch: Partial<{ share: string; name: string; email: string }>) =>
    setRows((list) => list.map((r) => (r.key === key ? ({ ...r, ...patch } as CoOwnerRow) : r)));
  const payload = rows.map((r) =>
    r.kind === "organization" ? { organizationId: r.organizationId, share: r.share } : { externalPayeeName: r.name, externalPayeeEmail: r.email, share: r.share });

  if (!canEdit) {
    return (
      <ul className="divide-y divide-slate-100 text-sm">
        {rows.map((r) => (
          <li key={r.key} className="flex justify-between py-2">
            <span>{r.name}{r.kind === "external" ? <span className="text-slate-500"> · {r.email}</span> : null}</span>
            <span className="tabular-nums">{r.share}%</span>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="workId" value={workId} />
      <input type="hidden" name="owners" value={JSON.stringify(payload)} />
      {rows.length === 0 ? (
        <p className="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-600">No co-owners: {rightsholderName} receives 100% of this work&apos;s royalties.</p>
      ) : (
        <ul className="space-y-3">
          {rows.map((row, index) => {
            const shareErrors = errors[`owners.${index}.share`];
            const share = parseSharePercent(row.share);
            return (
              <li key={row.key} className="rounded-lg p-3 ring-1 ring-inset ring-slate-200">
                <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
                  <div className="min-w-0 flex-1">
                    {row.kind === "organization" ? (
                      <>
                        <p className="flex flex-wrap items-center gap-2 pt-2 text-sm font-medium text-slate-900">
                          {row.name}
                          <Badge tone={row.isSelf ? "brand" : "neutral"}>{row.isSelf ? "Your organisation" : "Rightsholder"}</Badge>
                        </p>
                        {errors[`owners.${index}.organizationId`]?.map((e) => <p key={e} className="mt-1 text-sm text-red-700">{e}</p>)}
                      </>
                    ) : (
                      <div className="grid gap-2 sm:grid-cols-2">
                        <div>
                          <input
                            aria-label={`Payee name (line ${index + 1})`}
                            placeholder="Payee name"
                            value={row.name}
                            onChange={(e) => update(row.key, { name: e.target.value })}
                            className={cn(INPUT, errors[`owners.${index}.externalPayeeName`] ? "ring-red-400" : undefined)}
                          />
                          {errors[`owners.${index}.externalPayeeName`]?.map((e) => <p key={e} className="mt-1 text-sm text-red-700">{e}</p>)}
                        </div>
                        <div>
                          <input
                            type="email"
                            aria-label={`Payee email (line ${index + 1})`}
                            placeholder="payee@example.com"
                            value={row.email}
                            onChange={(e) => update(row.key, { email: e.target.value })}
                            className={cn(INPUT, errors[`owners.${index}.externalPayeeEmail`] ? "ring-red-400" : undefined)}
                          />
                          {errors[`owners.${index}.externalPayeeEmail`]?.map((e) => <p key={e} className="mt-1 text-sm text-red-700">{e}</p>)}
                        </div>
                        <p className="text-xs text-slate-500 sm:col-span-2">External payee: kept for Clearway staff to arrange payment; never shown to other organisations.</p>
                      </div>
                    )}
                  </div>
                  <div className="flex items-start gap-2">
                    <div className="w-28">
                      <div className="relative">
                        <input
                          aria-label={`Share of ${row.name || `line ${index + 1}`} in percent`}
                          inputMode="decimal"
                          value={row.share}
                          onChange={(e) => update(row.key, { share: e.target.value })}
                          className={cn(INPUT, "pr-7 text-right tabular-nums", shareErrors || (row.share !== "" && !share.ok) ? "ring-red-400" : undefined)}
                        />
                        <span className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm text-slate-500">%</span>
                      </div>
                    </div>
                    <button
                      type="button"
                      aria-label={`Remove ${row.name || `line ${index + 1}`}`}
                      title="Remove"
                      onClick={() => setRows((list) => list.filter((r) => r.key !== row.key))}
                      className="rounded-lg px-2.5 py-2 text-slate-500 ring-1 ring-inset ring-slate-200 hover:bg-slate-50 hover:text-red-700"
                    >
                      <span aria-hidden="true">×</span>
                    </button>
                  </div>
                </div>
                {(shareErrors ?? (row.share !== "" && !share.ok ? [share.error] : [])).map((e) => (
                  <p key={e} className="mt-1 text-right text-sm text-red-700">{e}</p>
                ))}
              </li>
            );
          })}
        </ul>
      )}

      <div className="flex flex-wrap items-center justify-between gap-3">
        <Total rows={rows} />
        <div className="flex flex-col items-start gap-2 text-sm sm:flex-row sm:flex-wrap">
          {rows.some((r) => r.kind === "organization" && r.isSelf) ? null : (
            <>
              <button
                type="button"
                className="font-medium text-brand-700 hover:underline"
                onClick={() => setRows((list) => [{ key: newKey(), kind: "organization", organizationId: rightsholderId, name: rightsholderName, isSelf: true, share: "" }, ...list])}
              >
                + Add {rightsholderName}
              </button>
              <span className="hidden text-slate-300 sm:inline" aria-hidden="true">|</span>
            </>
          )}
          <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => setSearchOpen((open) => !open)}>
            + Add a rightsholder
          </button>
          <span className="hidden text-slate-300 sm:inline" aria-hidden="true">|</span>
          <button
            type="button"
            className="font-medium text-brand-700 hover:underline"
            onClick={() => setRows((list) => [...list, { key: newKey(), kind: "external", name: "", email: "", share: "" }])}
          >
            + Add an external payee
          </button>
        </div>
      </div>

      {isSearchOpen ? (
        <div className="rounded-lg bg-slate-50 p-3">
          <label htmlFor={searchId} className="block text-sm font-medium text-slate-800">
            Find an approved rightsholder by name
          </label>
          <input
            id={searchId}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              if (e.target.value.trim().length < 2) setResults(null);
            }}
            placeholder="At least two letters"
            autoComplete="off"
            className={cn(INPUT, "mt-1")}
          />
          <ul className="mt-2 divide-y divide-slate-200" aria-busy={isSearching}>
            {results === null ? null : results.length === 0 ? (
              <li className="py-2 text-sm text-slate-600">{isSearching ? "Searching…" : "No approved rightsholder has that name."}</li>
            ) : (
              results.map((candidate) => {
                const isListed = rows.some((r) => r.kind === "organization" && r.organizationId === candidate.id);
                return (
                  <li key={candidate.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                    <span>{candidate.name}</span>
                    <button
                      type="button"
                      disabled={isListed}
                      className="rounded-md px-2 py-1 font-medium text-brand-700 ring-1 ring-inset ring-brand-100 hover:bg-brand-50 disabled:text-slate-400 disabled:ring-slate-200"
                      onClick={() => {
                        setRows((list) => [...list, { key: newKey(), kind: "organization", organizationId: candidate.id, name: candidate.name, isSelf: false, share: "" }]);
                        setSearchOpen(false);
                        setQuery("");
                        setResults(null);
                      }}
                    >
                      {isListed ? "Listed" : `Add ${candidate.name}`}
                    </button>
                  </li>
                );
              })
            )}
          </ul>
        </div>
      ) : null}

      {errors.owners?.length ? <p className="text-sm text-red-700">{errors.owners.join(" ")}</p> : null}
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
        <SubmitButton pendingLabel="Saving…">Save co-owners</SubmitButton>
        <p className="text-xs text-slate-500">Shares use up to two decimals and must add up to exactly 100%. Royalties are split by them.</p>
      </div>
    </form>
  );
}
