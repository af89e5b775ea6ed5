import "server-only";
import { randomUUID } from "node:crypto";
import type { NormalizedIdentifier } from "@/lib/identifiers";
import { exclusionChangeProblem, type WorkDraft } from "@/lib/works/work-input";
import type { Actor } from "../auth/actor";
import { auditActorColumns } from "../audit/write-audit";
import type { PgClient } from "../pg";

// The set-based heart of enrollment in bulk: a batch of works (up to a few thousand rows of an
// import, or one API request) is matched against the repertoire by identifier and written with a
// handful of statements over arrays, in the caller's transaction. The same rules hold for every
// row however it arrived:
// - a row whose identifiers belong to one of the organisation's works updates that work (identifiers
//   are only ever added here; removing one is an edit of that work); none → a new work;
// - identifiers held by another rightsholder's work are not attached: a dispute is opened for staff,
//   once per identifier and claimant (a re-import finds the earlier claim and opens nothing);
// - rows whose identifiers point at two different works, or repeat another row's, are rejected;
// - exclusions are never retroactive (exclusionChangeProblem).
// Nothing is written for a row that is unchanged, so importing the same file twice changes nothing.

export type WorkSource =
  | { kind: "import"; importId: string; fileName: string }
  | { kind: "api"; apiKeyId: string }
  | { kind: "form" };

export type MergeRow = { ref: number; work: WorkDraft };

export type MergeOutcome = "created" | "updated" | "unchanged" | "rejected";

export type MergeResult = {
  ref: number;
  outcome: MergeOutcome;
  workId: number | null;
  /** Why a row was rejected, or notes on a row that was kept (a merged work, say). */
  reasons: string[];
  /** Identifiers another rightsholder holds, for which this row opened a dispute. */
  disputed: NormalizedIdentifier[];
};

export type MergeOptions = {
  organizationId: string;
  actor: Actor;
  source: WorkSource;
  rows: MergeRow[];
  /** YYYY-MM-DD in UTC: the earliest day an exclusion may start. */
  today: string;
  /** "upsert" (imports, API) updates the work a row's identifiers find; "create" (the form) refuses to. */
  mode?: "upsert" | "create";
  /** How a row is named in messages: "line 12", "item 3". */
  describeRef?: (ref: number) => string;
};

/** A work as step 4 reads it: always its status, its fields only when the row changes them. */
type Compared = {
  id: number;
  status: "ENROLLED" | "SUSPENDED" | "MERGED";
  suspendReason: string | null;
  mergedIntoId: number | null;
  excludedFrom: string | null;
  same: boolean;
  title: string | null;
  contributors: string[] | null;
  type: WorkDraft["type"] | null;
  language: string | null;
  publicationYear: number | null;
  publisher: string | null;
  purposes: WorkDraft["purposes"] | null;
};


const key = (i: NormalizedIdentifier) => `${i.type}:${i.value}`;

const LABEL: Record<string, string> = { ISBN13: "ISBN", ISSN: "ISSN", DOI: "DOI", URL: "URL" };
export const describeIdentifier = (i: NormalizedIdentifier) => `${LABEL[i.type]} ${i.value}`;

type Snapshotted = Omit<WorkDraft, "normalizedTitle" | "identifiers">;

/** A work's fields as its audit rows record them (before/after). */
export function snapshot(work: Snapshotted) {
  return {
    title: work.title,
    contributors: work.contributors,
    type: work.type,
    language: work.language,
    publicationYear: work.publicationYear,
    publisher: work.publisher,
    purposes: work.purposes,
    excludedFrom: work.excludedFrom,
  };
}

function sourceNote(source: WorkSource) {
  return source.kind === "import" ? { via: "import", importId: source.importId, fileName: source.fileName }
    : source.kind === "api" ? { via: "api", apiKeyId: source.apiKeyId }
      : { via: "form" };
}

export async function mergeWorks(client: PgClient, options: MergeOptions): Promise<MergeResult[]> {
  const { organizationId, rows, today } = options;
  const mode = options.mode ?? "upsert";
  const describeRef = options.describeRef ?? ((ref: number) => `line ${ref}`);
  const results = new Map<number, MergeResult>(
    rows.map((r) => [r.ref, { ref: r.ref, outcome: "rejected", workId: null, reasons: [], disputed: [] }]),
  );
  const reject = (ref: number, reason: string) => {
    const result = results.get(ref)!;
    result.outcome = "rejected";
    result.reasons.push(reason);
  };

  // 1. Within the batch, an identifier names one row only.
  const rowByIdentifier = new Map<string, number>();
  const live: { row: MergeRow; keys: string[] }[] = [];
  for (const row of rows) {
    const keys = row.work.identifiers.map(key);
    const clash = keys.findIndex((k) => rowByIdentifier.has(k));
    if (clash !== -1) {
      reject(row.ref, `${describeIdentifier(row.work.identifiers[clash]!)} is also on ${describeRef(rowByIdentifier.get(keys[clash]!)!)}.`);
      continue;
    }
    for (const k of keys) rowByIdentifier.set(k, row.ref);
    live.push({ row, keys });
  }
  if (live.length === 0) return [...results.values()];

  // 2. Who holds each identifier now, and which of them this organisation already claimed.
  // Lookups go identifier by identifier through the unique index (LATERAL … OFFSET 0 keeps the
  // planner from hashing the whole table, which it would do on statistics taken while an import
  // was filling it): their cost grows with the batch, not with the repertoire.
  const idTypes: string[] = [];
  const idValues: string[] = [];
  for (const { row } of live) {
    for (const i of row.work.identifiers) {
      idTypes.push(i.type);
      idValues.push(i.value);
    }
  }
  const holders = await client.query<{ idType: string; idValue: string; workId: number; rightsholderId: string }>(
    `SELECT q.type::text AS "idType", q.value AS "idValue", h."workId", h."rightsholderId"
       FROM unnest($1::"IdentifierType"[], $2::text[]) AS q(type, value)
       CROSS JOIN LATERAL (
         SELECT wi."workId", (SELECT w."rightsholderId" FROM works w WHERE w.id = wi."workId") AS "rightsholderId"
           FROM work_identifiers wi WHERE wi.type = q.type AND wi.value = q.value OFFSET 0) h`,
    [idTypes, idValues],
  );
  const holderOf = new Map(holders.rows.map((h) => [`${h.idType}:${h.idValue}`, h]));
  const foreign = holders.rows.filter((h) => h.rightsholderId !== organizationId);
  const earlierClaim = new Map<string, number>();
  if (foreign.length > 0) {
    const claims = await client.query<{ type: string; value: string; claimantWorkId: number }>(
      `SELECT DISTINCT ON (d."identifierType", d."identifierValue")
              d."identifierType"::text AS type, d."identifierValue" AS value, d."claimantWorkId"
         FROM disputes d
         JOIN unnest($1::"IdentifierType"[], $2::text[]) AS q(type, value)
           ON d."identifierType" = q.type AND d."identifierValue" = q.value
        WHERE d."claimantOrgId" = $3 AND d."claimantWorkId" IS NOT NULL
        ORDER BY d."identifierType", d."identifierValue", d."openedAt" DESC`,
      [foreign.map((h) => h.idType), foreign.map((h) => h.idValue), organizationId],
    );
    for (const c of claims.rows) earlierClaim.set(`${c.type}:${c.value}`, c.claimantWorkId);
  }

  // 3. Each row finds at most one of the organisation's works; foreign identifiers become claims.
  // `fresh`: the row's identifiers no work holds yet (an existing work gains exactly these).
  type Plan = {
    row: MergeRow;
    workId: number | null;
    own: NormalizedIdentifier[];
    fresh: NormalizedIdentifier[];
    newClaims: { identifier: NormalizedIdentifier; heldBy: number }[];
  };
  const plans: Plan[] = [];
  const rowByWork = new Map<number, number>();
  for (const { row, keys } of live) {
    const found: number[] = [];
    const own: NormalizedIdentifier[] = [];
    const fresh: NormalizedIdentifier[] = [];
    const newClaims: Plan["newClaims"] = [];
    row.work.identifiers.forEach((identifier, index) => {
      const k = keys[index]!;
      const holder = holderOf.get(k);
      const claimed = holder && holder.rightsholderId !== organizationId ? earlierClaim.get(k) : undefined;
      if (!holder) {
        own.push(identifier);
        fresh.push(identifier);
      } else if (holder.rightsholderId === organizationId) {
        own.push(identifier);
        if (!found.includes(holder.workId)) found.push(holder.workId);
      } else if (claimed !== undefined) {
        if (!found.includes(claimed)) found.push(claimed);
      } else newClaims.push({ identifier, heldBy: holder.workId });
    });
    if (found.length > 1) {
      reject(row.ref, `These identifiers belong to different works of yours (${found.map((id) => `#${id}`).join(", ")}); give each work its own row.`);
      continue;
    }
    const workId = found.length === 1 ? found[0]! : null;
    if (workId !== null && mode === "create") {
      reject(row.ref, `Work #${workId} already has ${row.work.identifiers.filter((i) => holderOf.get(key(i))?.workId === workId).map(describeIdentifier).join(", ") || "these identifiers"}; edit that work instead.`);
      continue;
    }
    if (workId !== null && rowByWork.has(workId)) {
      reject(row.ref, `Describes the same work (#${workId}) as ${describeRef(rowByWork.get(workId)!)}.`);
      continue;
    }
    if (workId !== null) rowByWork.set(workId, row.ref);
    plans.push({ row, workId, own, fresh, newClaims });
  }

  // 4. The works these rows describe, compared in PostgreSQL with what the rows say: unchanged
  // works come back as a flag and their status, changed ones with their current fields.
  const existing = new Map<number, Compared>();
  const matched = plans.filter((p) => p.workId !== null);
  if (matched.length > 0) {
    const compared = await client.query<Compared>(
      `SELECT w.id, w.status::text AS status, w."suspendReason", w."mergedIntoId", w."excludedFrom"::text AS "excludedFrom", c.same,
              CASE WHEN c.same THEN NULL ELSE w.title END AS title,
              CASE WHEN c.same THEN NULL ELSE w.contributors END AS contributors,
              CASE WHEN c.same THEN NULL ELSE w.type::text END AS type,
              CASE WHEN c.same THEN NULL ELSE w.language END AS language,
              CASE WHEN c.same THEN NULL ELSE w."publicationYear" END AS "publicationYear",
              CASE WHEN c.same THEN NULL ELSE w.publisher END AS publisher,
              CASE WHEN c.same THEN NULL ELSE w.purposes::text[] END AS purposes
         FROM jsonb_to_recordset($1::jsonb) AS r(id int, t text, c text[], ty text, l text, y int, p text, pu text[], e date)
         CROSS JOIN LATERAL (SELECT * FROM works WHERE works.id = r.id AND works."rightsholderId" = $2 OFFSET 0) w
         CROSS JOIN LATERAL (SELECT (w.title = r.t AND COALESCE(w.contributors, '{}') = r.c AND w.type::text = r.ty
                                     AND w.language IS NOT DISTINCT FROM r.l AND w."publicationYear" IS NOT DISTINCT FROM r.y
                                     AND w.publisher IS NOT DISTINCT FROM r.p AND w.purposes::text[] = r.pu
                                     AND w."excludedFrom" IS NOT DISTINCT FROM r.e) AS same) c`,
      [
        JSON.stringify(matched.map(({ workId, row: { work: w } }) => ({
          id: workId, t: w.title, c: w.contributors, ty: w.type, l: w.language, y: w.publicationYear, p: w.publisher, pu: w.purposes, e: w.excludedFrom,
        }))),
        organizationId,
      ],
    );
    for (const w of compared.rows) existing.set(w.id, w);
  }

  // 5. Decide each row.
  const creates: Plan[] = [];
  const updates: { plan: Plan; before: Compared; addIdentifiers: NormalizedIdentifier[]; fieldsChanged: boolean }[] = [];
  for (const plan of plans) {
    const draft = plan.row.work;
    const result = results.get(plan.row.ref)!;
    if (plan.workId === null) {
      const problem = exclusionChangeProblem(null, draft.excludedFrom, today);
      if (problem) reject(plan.row.ref, problem);
      else creates.push(plan);
      continue;
    }
    const before = existing.get(plan.workId);
    if (!before) {
      reject(plan.row.ref, `Work #${plan.workId} could not be read; try again.`);
      continue;
    }
    if (before.status === "MERGED") {
      result.outcome = "unchanged";
      result.workId = before.mergedIntoId ?? before.id;
      result.reasons.push(`Work #${before.id} was merged into #${before.mergedIntoId}; nothing to change here.`);
      continue;
    }
    if (before.status === "SUSPENDED") {
      reject(plan.row.ref, `Work #${before.id} is suspended by staff${before.suspendReason ? ` (${before.suspendReason})` : ""}; it can't be changed.`);
      continue;
    }
    const problem = exclusionChangeProblem(before.excludedFrom, draft.excludedFrom, today);
    if (problem) {
      reject(plan.row.ref, problem);
      continue;
    }
    if (!before.same || plan.fresh.length > 0 || plan.newClaims.length > 0) {
      updates.push({ plan, before, addIdentifiers: plan.fresh, fieldsChanged: !before.same });
    } else {
      result.outcome = "unchanged";
      result.workId = plan.workId;
    }
  }

  // 6. Write: new works (ids drawn first, so each row knows its id), changed works, identifiers,
  // disputes and the audit trail.
  const note = sourceNote(options.source);
  const who = auditActorColumns(options.actor);
  if (creates.length > 0) {
    // One statement for the new works: ids drawn, works, their identifiers and their "work.created"
    // audit rows (built by PostgreSQL from the inserted values). The rows travel as one JSON
    // document; the ids come back by row position.
    const created = await client.query<{ o: number; id: number }>(
      `WITH src AS MATERIALIZED (
         SELECT nextval(pg_get_serial_sequence('works', 'id'))::int AS id, r.*
           FROM jsonb_to_recordset($1::jsonb) AS r(o int, t text, nt text, c text[], ty text, l text, y int, p text, pu text[], e date)
       ), ids AS (
         SELECT src.id AS work_id, i.ty, i.v, i.n
           FROM jsonb_to_recordset($2::jsonb) AS i(o int, ty text, v text, n int) JOIN src ON src.o = i.o
       ), new_works AS (
         INSERT INTO works (id, "rightsholderId", title, "normalizedTitle", contributors, type, language,
                            "publicationYear", publisher, purposes, "excludedFrom", "updatedAt")
         SELECT id, $3::uuid, t, nt, c, ty::"WorkType", l, y, p, pu::"Purpose"[], e, now() AT TIME ZONE 'UTC' FROM src
       ), new_identifiers AS (
         INSERT INTO work_identifiers ("workId", type, value) SELECT work_id, ty::"IdentifierType", v FROM ids ORDER BY n
       ), trail AS (
         INSERT INTO audit_logs (at, "actorUserId", "actorKind", ip, "organizationId", action, "entityType", "entityId", before, after)
         SELECT now() AT TIME ZONE 'UTC', $4::uuid, $5, $6, $3::uuid, 'work.created', 'Work', src.id::text, NULL,
                jsonb_build_object('title', src.t, 'contributors', to_jsonb(src.c), 'type', src.ty, 'language', src.l,
                                   'publicationYear', src.y, 'publisher', src.p, 'purposes', to_jsonb(src.pu), 'excludedFrom', src.e,
                                   'identifiers', COALESCE(labels.list, '[]'::jsonb))
                  || $7::jsonb
           FROM src
           LEFT JOIN (SELECT work_id, jsonb_agg(CASE ty WHEN 'ISBN13' THEN 'ISBN' ELSE ty END || ' ' || v ORDER BY n) AS list
                        FROM ids GROUP BY work_id) labels ON labels.work_id = src.id
       )
       SELECT o, id FROM src`,
      [
        JSON.stringify(creates.map((p, o) => {
          const w = p.row.work;
          return { o, t: w.title, nt: w.normalizedTitle, c: w.contributors, ty: w.type, l: w.language, y: w.publicationYear, p: w.publisher, pu: w.purposes, e: w.excludedFrom };
        })),
        JSON.stringify(creates.flatMap((p, o) => p.own.map((i) => ({ o, ty: i.type, v: i.value }))).map((i, n) => ({ ...i, n }))),
        organizationId,
        who.actorUserId,
        who.actorKind,
        who.ip,
        JSON.stringify(note),
      ],
    );
    for (const { o, id } of created.rows) creates[o]!.workId = id;
  }
  const changed = updates.filter((u) => u.fieldsChanged);
  if (changed.length > 0) {
    await client.query(
      `UPDATE works w
          SET title = u.title, "normalizedTitle" = u.nt,
              contributors = ARRAY(SELECT jsonb_array_elements_text(u.contributors::jsonb)),
              type = u.type::"WorkType", language = u.language, "publicationYear" = u.year, publisher = u.publisher,
              purposes = u.purposes::"Purpose"[], "excludedFrom" = u.excluded::date, "updatedAt" = now() AT TIME ZONE 'UTC'
         FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[],
                     $9::text[], $10::text[], $11::text[])
           AS u(id, title, nt, contributors, type, language, year, publisher, purposes, excluded)
        WHERE w.id = u.id AND w.id = ANY($2::int[]) AND w."rightsholderId" = $1::uuid`,
      [
        organizationId,
        changed.map((u) => u.plan.workId),
        changed.map((u) => u.plan.row.work.title),
        changed.map((u) => u.plan.row.work.normalizedTitle),
        changed.map((u) => JSON.stringify(u.plan.row.work.contributors)),
        changed.map((u) => u.plan.row.work.type),
        changed.map((u) => u.plan.row.work.language),
        changed.map((u) => u.plan.row.work.publicationYear),
        changed.map((u) => u.plan.row.work.publisher),
        changed.map((u) => `{${u.plan.row.work.purposes.join(",")}}`),
        changed.map((u) => u.plan.row.work.excludedFrom),
      ],
    );
  }
  const newIdentifiers = updates.flatMap((u) => u.addIdentifiers.map((i) => ({ workId: u.plan.workId!, ...i })));
  if (newIdentifiers.length > 0) {
    await client.query(
      `INSERT INTO work_identifiers ("workId", type, value)
       SELECT u.work_id, u.type::"IdentifierType", u.value FROM unnest($1::int[], $2::text[], $3::text[]) AS u(work_id, type, value)`,
      [newIdentifiers.map((i) => i.workId), newIdentifiers.map((i) => i.type), newIdentifiers.map((i) => i.value)],
    );
  }
  const disputes = [...creates.map((p) => p), ...updates.map((u) => u.plan)].flatMap((p) =>
    p.newClaims.map((c) => ({ id: randomUUID(), claimantWorkId: p.workId!, ...c })),
  );
  if (disputes.length > 0) {
    const how = options.source.kind === "import" ? `in the file ${options.source.fileName}` : options.source.kind === "api" ? "through the API" : "in the works form";
    await client.query(
      `INSERT INTO disputes (id, origin, "workId", "identifierType", "identifierValue", "claimantOrgId", "claimantWorkId", reason)
       SELECT u.id, 'ENROLLMENT', u.work_id, u.type::"IdentifierType", u.value, $1::uuid, u.claimant_work_id, $2
         FROM unnest($3::uuid[], $4::int[], $5::text[], $6::text[], $7::int[]) AS u(id, work_id, type, value, claimant_work_id)`,
      [
        organizationId,
        `Enrolled ${how} while another rightsholder holds it.`,
        disputes.map((d) => d.id),
        disputes.map((d) => d.heldBy),
        disputes.map((d) => d.identifier.type),
        disputes.map((d) => d.identifier.value),
        disputes.map((d) => d.claimantWorkId),
      ],
    );
  }

  const audit: { action: string; entityType: string; entityId: string; before: unknown; after: unknown }[] = [];
  for (const u of updates) {
    const before = u.fieldsChanged ? snapshot({ ...u.before, contributors: u.before.contributors ?? [] } as Snapshotted) : {};
    const after = u.fieldsChanged ? snapshot(u.plan.row.work) : {};
    if (u.fieldsChanged || u.addIdentifiers.length > 0) {
      audit.push({ action: "work.updated", entityType: "Work", entityId: String(u.plan.workId), before,
        after: { ...after, ...(u.addIdentifiers.length ? { identifiersAdded: u.addIdentifiers.map(describeIdentifier) } : {}), ...note } });
    }
  }
  for (const d of disputes) {
    audit.push({ action: "dispute.opened", entityType: "Dispute", entityId: d.id, before: null,
      after: { workId: d.heldBy, claimantWorkId: d.claimantWorkId, identifier: describeIdentifier(d.identifier), ...note } });
  }
  if (audit.length > 0) {
    await client.query(
      `INSERT INTO audit_logs (at, "actorUserId", "actorKind", ip, "organizationId", action, "entityType", "entityId", before, after)
       SELECT now() AT TIME ZONE 'UTC', $1::uuid, $2, $3, $4::uuid, u.action, u.entity_type, u.entity_id, u.before::jsonb, u.after::jsonb
         FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) AS u(action, entity_type, entity_id, before, after)`,
      [
        who.actorUserId, who.actorKind, who.ip, organizationId,
        audit.map((a) => a.action), audit.map((a) => a.entityType), audit.map((a) => a.entityId),
        audit.map((a) => (a.before === null ? null : JSON.stringify(a.before))), audit.map((a) => JSON.stringify(a.after)),
      ],
    );
  }

  for (const plan of creates) Object.assign(results.get(plan.row.ref)!, { outcome: "created", workId: plan.workId });
  for (const u of updates) {
    const changedSomething = u.fieldsChanged || u.addIdentifiers.length > 0;
    Object.assign(results.get(u.plan.row.ref)!, { outcome: changedSomething ? "updated" : "unchanged", workId: u.plan.workId });
  }
  const refByWork = new Map([...creates, ...updates.map((u) => u.plan)].map((p) => [p.workId!, p.row.ref]));
  for (const d of disputes) results.get(refByWork.get(d.claimantWorkId)!)?.disputed.push(d.identifier);
  return [...results.values()];
}
