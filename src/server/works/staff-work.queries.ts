import "server-only";
import type { RightsholderStatus } from "@/generated/prisma/enums";
import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/policies";
import { db } from "../db";
import { withStaffActions } from "./staff-work-history";
import { getWork } from "./works.queries";

// One work as staff see it: what the rightsholder sees (getWork: details, identifiers, co-owners,
// open disputes, history) plus its rightsholder's standing, the works merged into it, every
// dispute it was in, and what the distribution knows of it: reported usage and allocations.

export type StaffWorkDetails = Awaited<ReturnType<typeof getWorkForStaff>>;

export async function getWorkForStaff(actor: Actor | null, rawWorkId: number | string) {
  authorize(can.readStaffArea(actor), "Only staff see this page.");
  const work = await getWork(actor, rawWorkId);
  const [rightsholder, mergedInto, mergedFrom, disputes, usage, allocations] = await Promise.all([
    db.organization.findUniqueOrThrow({
      where: { id: work.rightsholderId },
      select: { id: true, name: true, suspendedAt: true, suspendReason: true, rightsholderProfile: { select: { status: true } } },
    }),
    work.mergedIntoId === null ? null : db.work.findUnique({ where: { id: work.mergedIntoId }, select: { id: true, title: true, status: true } }),
    db.work.findMany({ where: { mergedIntoId: work.id }, orderBy: { id: "asc" }, take: 100, select: { id: true, title: true, rightsholder: { select: { name: true } } } }),
    db.dispute.findMany({
      where: { OR: [{ workId: work.id }, { claimantWorkId: work.id }] },
      orderBy: { openedAt: "desc" },
      take: 50,
      select: { id: true, status: true, origin: true, openedAt: true, identifierType: true, identifierValue: true, claimant: { select: { name: true } } },
    }),
    db.$queryRaw<{ lines: number; units: string | null; reports: number; mergedLines: number }[]>`
      SELECT count(*) FILTER (WHERE l."workId" = ${work.id})::int AS lines,
             (sum(l.units) FILTER (WHERE l."workId" = ${work.id}))::text AS units,
             count(DISTINCT l."reportId") FILTER (WHERE l."workId" = ${work.id})::int AS reports,
             count(*) FILTER (WHERE l."workId" <> ${work.id})::int AS "mergedLines"
        FROM usage_lines l
       WHERE l."workId" = ${work.id} OR l."workId" IN (SELECT id FROM works WHERE "mergedIntoId" = ${work.id})`,
    db.$queryRaw<{ rows: number; runs: number; amountCents: string | null; heldCents: string | null }[]>`
      SELECT count(*)::int AS rows, count(DISTINCT "runId")::int AS runs, sum("amountCents")::text AS "amountCents",
             (sum("amountCents") FILTER (WHERE "isHeld" AND "releasedInRunId" IS NULL))::text AS "heldCents"
        FROM allocations WHERE "workId" = ${work.id}`,
  ]);
  const [u] = usage;
  const [a] = allocations;
  return {
    ...work,
    history: await withStaffActions(work.history),
    rightsholder: {
      id: rightsholder.id,
      name: rightsholder.name,
      suspendedAt: rightsholder.suspendedAt,
      suspendReason: rightsholder.suspendReason,
      participation: (rightsholder.rightsholderProfile?.status ?? null) as RightsholderStatus | null,
    },
    mergedInto,
    mergedFrom: mergedFrom.map((w) => ({ id: w.id, title: w.title, rightsholderName: w.rightsholder.name })),
    disputes: disputes.map((d) => ({
      id: d.id, status: d.status, origin: d.origin, openedAt: d.openedAt, claimantName: d.claimant.name,
      identifier: d.identifierType && d.identifierValue ? { type: d.identifierType, value: d.identifierValue } : null,
    })),
    usage: { lines: u?.lines ?? 0, units: BigInt(u?.units ?? "0"), reports: u?.reports ?? 0, mergedLines: u?.mergedLines ?? 0 },
    allocations: { rows: a?.rows ?? 0, runs: a?.runs ?? 0, amountCents: BigInt(a?.amountCents ?? "0"), heldCents: BigInt(a?.heldCents ?? "0") },
    canAdminister: can.administer(actor),
  };
}
