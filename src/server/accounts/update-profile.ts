import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { authorize, can, requireUser } from "../auth/policies";
import { db } from "../db";
import { ZUpdateProfileInput, type TUpdateProfileInput } from "./accounts.schema";

export async function updateProfile(actor: Actor | null, rawInput: TUpdateProfileInput) {
  authorize(can.manageOwnAccount(actor), "Please sign in first.");
  const user = requireUser(actor);
  const input = ZUpdateProfileInput.parse(rawInput);
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: user.userId }, select: { name: true } });
    const after = await tx.user.update({ where: { id: user.userId }, data: { name: input.name }, select: { name: true } });
    await writeAudit(tx, actor, { action: "account.profile_updated", entityType: "User", entityId: user.userId, before, after });
  });
}
