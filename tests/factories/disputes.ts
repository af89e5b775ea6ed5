// An enrollment dispute between two rightsholders, made the way the portal makes them: the
// claimant enrolls an identifier the holder's work already has.
import { SYSTEM } from "@/server/auth/actor";
import { db } from "@/server/db";
import { withPgTransaction } from "@/server/pg";
import { mergeWorks } from "@/server/works/merge-works";
import { parseWork } from "@/lib/works/work-input";
import { createWork, uniqueIsbn } from "./works";

export async function createDispute(holderId: string, claimantId: string, options: { claimantExtraIsbn?: string } = {}) {
  const isbn = uniqueIsbn();
  const held = await createWork(holderId, { isbn, title: `Held work ${isbn.slice(-6)}` });
  const parsed = parseWork({ title: `Claimed work ${isbn.slice(-6)}`, identifiers: [isbn, ...(options.claimantExtraIsbn ? [options.claimantExtraIsbn] : [])] });
  if (!parsed.ok) throw new Error("bad test work");
  const [result] = await withPgTransaction((client) =>
    mergeWorks(client, { organizationId: claimantId, actor: SYSTEM, source: { kind: "form" }, rows: [{ ref: 1, work: parsed.work }], today: "2026-11-23" }),
  );
  const dispute = await db.dispute.findFirstOrThrow({ where: { claimantOrgId: claimantId, identifierValue: isbn } });
  return { dispute, isbn, heldWorkId: held.id, claimantWorkId: result!.workId! };
}
