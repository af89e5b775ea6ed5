import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { AppError, notFound, validation } from "../errors";
import { ZUpdatePlanInput, fieldErrorsOf, type TUpdatePlanInput } from "./settings.schema";

/**
 * ADMIN renames a plan or rewrites its description, with a reason. The plan's code, term and
 * prices stay as they are (prices are effective-dated schedules, /staff/pricing). The name is
 * read when a page, checkout or document is made, so it shows from now on, also on documents
 * downloaded again for existing licenses; the audit row keeps the old wording.
 */
export async function updatePlanDetails(actor: Actor | null, rawInput: TUpdatePlanInput): Promise<{ planId: string }> {
  authorize(can.administer(actor), "Only staff administrators change plans.");
  requireUser(actor);
  const parsed = ZUpdatePlanInput.safeParse(rawInput);
  if (!parsed.success) throw validation("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  const { planId, name, description, reason } = parsed.data;
  return db.$transaction(async (tx) => {
    const plan = await tx.plan.findUnique({ where: { id: planId }, select: { id: true, code: true, name: true, description: true } });
    if (!plan) throw notFound("That plan");
    if (plan.name === name && plan.description === description) throw validation("Nothing changed: edit the name or the description first.");
    // Conditional on the wording just read, so two edits at the same moment never cross.
    const moved = await tx.plan.updateMany({ where: { id: planId, name: plan.name, description: plan.description }, data: { name, description } });
    if (moved.count === 0) throw new AppError("CONFLICT", "Someone changed this plan a moment ago. Reload the page and edit again.");
    await writeAudit(tx, actor, {
      action: "plan.details_changed",
      entityType: "Plan",
      entityId: plan.id,
      before: { code: plan.code, name: plan.name, description: plan.description },
      after: { name, description, reason },
    });
    return { planId };
  });
}
