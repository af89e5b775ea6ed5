import "server-only";
import type { z } from "zod";
import type { Tx } from "../db";
import { notFound, validation, type FieldErrors } from "../errors";

// Shared by the staff (ADMIN) changes to works: input refused field by field, and works locked
// in id order (FOR UPDATE: two staff acting on the same works queue instead of overwriting, and
// two bulk actions over overlapping selections cannot deadlock).

/** Parses with `schema`; a refusal becomes a VALIDATION error with a message per field. */
export function parseStaffInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  throw validation(Object.values(fieldErrors)[0]?.[0] ?? "Check the highlighted fields.", fieldErrors);
}

export type StaffLockedWork = {
  id: number;
  rightsholderId: string;
  title: string;
  status: "ENROLLED" | "SUSPENDED" | "MERGED";
  mergedIntoId: number | null;
  updatedAt: Date;
};

/** Locks the works with these ids (in id order) and returns them; a missing one is "not found". */
export async function lockWorksForStaff(tx: Tx, workIds: number[]): Promise<StaffLockedWork[]> {
  const ids = [...new Set(workIds)].sort((a, b) => a - b);
  const rows = await tx.$queryRaw<StaffLockedWork[]>`
    SELECT id, "rightsholderId"::text AS "rightsholderId", title, status::text AS status, "mergedIntoId", "updatedAt"
      FROM works WHERE id = ANY(${ids}::int[]) ORDER BY id FOR UPDATE`;
  if (rows.length !== ids.length) throw notFound(ids.length === 1 ? "That work" : "One of these works");
  return rows;
}
