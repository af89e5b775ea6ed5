import "server-only";
import { z } from "zod";
import { MAX_CO_OWNERS, SHARE_TOTAL_BPS, formatShare, parseSharePercent } from "@/lib/works/co-owner-shares";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/storable-text";
import { writeAudit } from "../audit/write-audit";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { validation, type FieldErrors } from "../errors";
import { lockManagedWork } from "./work-scope";
import { ZSetCoOwnersInput, type TSetCoOwnersInput } from "./works.schema";

type Owner =
  | { kind: "organization"; organizationId: string; shareBps: number }
  | { kind: "external"; name: string; email: string; shareBps: number };

const ZEmail = z.email();
const ZUuid = z.uuid();

function text(value: unknown): string {
  return typeof value === "string" ? value.replace(/\s+/g, " ").trim() : "";
}

const identity = (o: Owner) => (o.kind === "organization" ? `org:${o.organizationId}` : `ext:${o.email.toLowerCase()}`);

/**
 * Sets who shares a work's royalties: the enrolling rightsholder itself, other approved
 * rightsholder organisations, and named external payees (kept for staff; other organisations
 * never see them). Shares are percentages with up to two decimals that add up to exactly 100;
 * they are stored in basis points. An empty list, or the rightsholder alone, means 100% to it.
 */
export async function setCoOwners(actor: Actor | null, rawInput: TSetCoOwnersInput): Promise<{ workId: number; changed: boolean }> {
  const input = ZSetCoOwnersInput.parse(rawInput);
  return db.$transaction(async (tx) => {
    const work = await lockManagedWork(tx, actor, input.workId);
    const errors: FieldErrors = {};
    const add = (field: string, message: string) => (errors[field] ??= []).push(message);
    if (input.owners.length > MAX_CO_OWNERS) add("owners", `At most ${MAX_CO_OWNERS} co-owners per work.`);

    const owners: (Owner & { index: number })[] = [];
    input.owners.forEach((raw, index) => {
      const at = (field: string) => `owners.${index}.${field}`;
      const share = parseSharePercent(raw.share);
      if (!share.ok) add(at("share"), share.error);
      const organizationId = text(raw.organizationId);
      if (organizationId !== "") {
        if (!ZUuid.safeParse(organizationId).success) add(at("organizationId"), "Choose an organisation from the search results.");
        else if (share.ok) owners.push({ kind: "organization", organizationId, shareBps: share.bps, index });
        return;
      }
      const name = text(raw.externalPayeeName);
      const email = text(raw.externalPayeeEmail).toLowerCase();
      if (name === "") add(at("externalPayeeName"), "Enter the payee's name.");
      else if (name.length > 200) add(at("externalPayeeName"), "At most 200 characters.");
      else if (!isStorableText(name)) add(at("externalPayeeName"), UNSTORABLE_TEXT_MESSAGE);
      if (email === "") add(at("externalPayeeEmail"), "Enter the payee's email, so staff can arrange payment.");
      else if (!ZEmail.safeParse(email).success) add(at("externalPayeeEmail"), "Enter a valid email address.");
      if (share.ok && !errors[at("externalPayeeName")] && !errors[at("externalPayeeEmail")]) {
        owners.push({ kind: "external", name, email, shareBps: share.bps, index });
      }
    });

    const others = [...new Set(owners.flatMap((o) => (o.kind === "organization" && o.organizationId !== work.rightsholderId ? [o.organizationId] : [])))];
    const approved = others.length === 0 ? [] : await tx.organization.findMany({
      where: { id: { in: others }, kind: "RIGHTSHOLDER", isActive: true, rightsholderProfile: { status: "APPROVED" } },
      select: { id: true, name: true },
    });
    const seen = new Set<string>();
    for (const owner of owners) {
      const field = `owners.${owner.index}.${owner.kind === "organization" ? "organizationId" : "externalPayeeEmail"}`;
      if (owner.kind === "organization" && owner.organizationId !== work.rightsholderId && !approved.some((o) => o.id === owner.organizationId)) {
        add(field, "This organisation is not an approved rightsholder; choose one from the search results.");
      }
      if (seen.has(identity(owner))) add(field, "Already listed above: combine the shares into one line.");
      seen.add(identity(owner));
    }
    if (Object.keys(errors).length === 0 && owners.length > 0) {
      const total = owners.reduce((sum, o) => sum + o.shareBps, 0);
      if (total !== SHARE_TOTAL_BPS) add("owners", `The shares add up to ${formatShare(total)}%; they must add up to exactly 100%.`);
    }
    if (Object.keys(errors).length > 0) {
      throw validation(errors.owners?.[0] ?? "Check the highlighted co-owners.", errors);
    }

    // The rightsholder alone at 100% is the same as no co-owners: nothing is stored for it.
    const next: Owner[] = owners.length === 1 && owners[0]!.kind === "organization" && owners[0]!.organizationId === work.rightsholderId ? [] : owners;
    const current = await tx.workCoOwner.findMany({
      where: { workId: work.id },
      orderBy: { id: "asc" },
      select: { organizationId: true, externalPayeeName: true, externalPayeeEmail: true, shareBps: true, organization: { select: { name: true } } },
    });
    const currentOwners: Owner[] = current.map((c) =>
      c.organizationId ? { kind: "organization", organizationId: c.organizationId, shareBps: c.shareBps }
        : { kind: "external", name: c.externalPayeeName ?? "", email: c.externalPayeeEmail ?? "", shareBps: c.shareBps });
    const signature = (list: Owner[]) => list.map((o) => `${identity(o)}|${o.kind === "external" ? o.name : ""}|${o.shareBps}`).sort().join("\n");
    if (signature(currentOwners) === signature(next)) return { workId: work.id, changed: false };

    await tx.workCoOwner.deleteMany({ where: { workId: work.id } });
    if (next.length > 0) {
      await tx.workCoOwner.createMany({
        data: next.map((o) => o.kind === "organization"
          ? { workId: work.id, organizationId: o.organizationId, shareBps: o.shareBps }
          : { workId: work.id, externalPayeeName: o.name, externalPayeeEmail: o.email, shareBps: o.shareBps }),
      });
    }
    const names = new Map([...approved.map((o) => [o.id, o.name] as const), ...current.flatMap((c) => (c.organizationId && c.organization ? [[c.organizationId, c.organization.name] as const] : []))]);
    const ownName = actor?.type === "user" ? actor.memberships.find((m) => m.organizationId === work.rightsholderId)?.organizationName : undefined;
    const alone: Owner[] = [{ kind: "organization", organizationId: work.rightsholderId, shareBps: SHARE_TOTAL_BPS }];
    // No rows means 100% to the rightsholder: the history says so rather than showing nothing.
    const describe = (list: Owner[]) => (list.length > 0 ? list : alone).map((o) => ({
      name: o.kind === "external" ? `${o.name} <${o.email}>` : o.organizationId === work.rightsholderId ? (ownName ?? "This rightsholder") : (names.get(o.organizationId) ?? o.organizationId),
      external: o.kind === "external",
      share: `${formatShare(o.shareBps)}%`,
    }));
    await writeAudit(tx, actor, {
      action: "work.coOwners.changed",
      entityType: "Work",
      entityId: String(work.id),
      organizationId: work.rightsholderId,
      before: { coOwners: describe(currentOwners) },
      after: { coOwners: describe(next), via: "form" },
    });
    return { workId: work.id, changed: true };
  });
}
