import "server-only";
import type { NormalizedIdentifier } from "@/lib/identifiers";
import { parseWork, todayUtc, type RawWork } from "@/lib/works/work-input";
import type { Actor } from "../../auth/actor";
import { authorize, can, requireApiKey } from "../../auth/policies";
import { validation, type FieldErrors } from "../../errors";
import { withPgTransaction } from "../../pg";
import { mergeWorks, type MergeResult, type MergeRow } from "../../works/merge-works";
import { checkApiWorkTypes, emptyFieldErrors, readWorksEnvelope } from "./works-v1.schema";

// POST /api/v1/works, per item (docs/decisions/008-api-keys-and-v1.md): each item is checked on
// its own; the valid ones are merged together in ONE transaction (all of them are written, or on
// a database failure none is), the invalid ones are reported and not written. A client learns
// from the results, in order, what happened to each item.

export type ItemStatus = "created" | "updated" | "unchanged" | "rejected";

export type ItemResult = {
  index: number;
  status: ItemStatus;
  workId: number | null;
  /** Why the item was rejected, by field ("work" when it concerns the whole item). */
  errors: FieldErrors;
  /** Identifiers another rightsholder holds: a dispute was opened and the work enrolled without them. */
  disputedIdentifiers: NormalizedIdentifier[];
  /** Remarks on an accepted item (a work merged by staff, say). */
  notes: string[];
};

export type EnrollSummary = Record<"received" | ItemStatus | "disputedIdentifiers", number>;

export type EnrollResult = {
  /** "accepted": nothing rejected; "partial": some rejected; "rejected": nothing accepted. */
  outcome: "accepted" | "partial" | "rejected";
  isBatch: boolean;
  summary: EnrollSummary;
  results: ItemResult[];
};

/** Where a decision about the repertoire belongs: exclusions under their field, the rest under identifiers or the work. */
function mergeRejection(reasons: string[]): FieldErrors {
  const errors = emptyFieldErrors();
  for (const reason of reasons) {
    const field = /exclu/i.test(reason) ? "excludedFrom" : /suspended|could not be read/i.test(reason) ? "work" : "identifiers";
    (errors[field] ??= []).push(reason);
  }
  return errors;
}

export async function enrollWorksV1(actor: Actor | null, input: { organizationId: string; body: unknown }): Promise<EnrollResult> {
  authorize(can.manageWorks(actor, input.organizationId), "This API key can't enroll works for this organisation.");
  const key = requireApiKey(actor);

  const envelope = readWorksEnvelope(input.body);
  if (!envelope.ok) throw validation(envelope.message, envelope.details);
  const { items, isBatch } = envelope.envelope;

  const results: ItemResult[] = items.map((_, index) => ({
    index,
    status: "rejected",
    workId: null,
    errors: emptyFieldErrors(),
    disputedIdentifiers: [],
    notes: [],
  }));
  const rows: MergeRow[] = [];
  items.forEach((item, index) => {
    const typeErrors = checkApiWorkTypes(item);
    if (typeErrors) {
      results[index]!.errors = typeErrors;
      return;
    }
    const parsed = parseWork(item as RawWork);
    if (!parsed.ok) results[index]!.errors = Object.assign(emptyFieldErrors(), parsed.errors);
    else rows.push({ ref: index, work: parsed.work });
  });

  let merged: MergeResult[] = [];
  if (rows.length > 0) {
    merged = await withPgTransaction((client) =>
      mergeWorks(client, {
        organizationId: input.organizationId,
        actor: key,
        source: { kind: "api", apiKeyId: key.keyId },
        rows,
        today: todayUtc(),
        describeRef: (ref) => `works[${ref}]`,
      }),
    );
  }
  for (const m of merged) {
    const result = results[m.ref]!;
    result.status = m.outcome;
    result.workId = m.outcome === "rejected" ? null : m.workId;
    result.disputedIdentifiers = m.disputed;
    if (m.outcome === "rejected") result.errors = mergeRejection(m.reasons);
    else result.notes = m.reasons;
  }

  const count = (status: ItemStatus) => results.filter((r) => r.status === status).length;
  const summary: EnrollSummary = {
    received: results.length,
    created: count("created"),
    updated: count("updated"),
    unchanged: count("unchanged"),
    rejected: count("rejected"),
    disputedIdentifiers: results.reduce((sum, r) => sum + r.disputedIdentifiers.length, 0),
  };
  const outcome = summary.rejected === 0 ? "accepted" : summary.rejected === summary.received ? "rejected" : "partial";
  return { outcome, isBatch, summary, results };
}
