import "server-only";
import type { Actor } from "../../auth/actor";
import { authorize, can, requireApiKey } from "../../auth/policies";
import { db } from "../../db";
import { encodeCursor, type WorksQuery } from "./works-v1.schema";

export type ApiWork = {
  id: number;
  title: string;
  contributors: string[];
  type: string;
  language: string | null;
  publicationYear: number | null;
  publisher: string | null;
  purposes: string[];
  excludedFrom: string | null;
  status: string;
  identifiers: { type: string; value: string }[];
  createdAt: string;
  updatedAt: string;
};

export type ApiWorksPage = { data: ApiWork[]; nextCursor: string | null };

/**
 * A page of the key's organisation's works in id order (keyset: a work enrolled while a client
 * pages through appears at the end, none is skipped or repeated). Filtered by one identifier in
 * normal form: an identifier the organisation does not hold gives an empty page.
 */
export async function listWorksV1(actor: Actor | null, input: { organizationId: string } & WorksQuery): Promise<ApiWorksPage> {
  authorize(can.readWorks(actor, input.organizationId), "This API key can't read these works.");
  requireApiKey(actor);
  const rows = await db.work.findMany({
    where: {
      rightsholderId: input.organizationId,
      id: { gt: input.afterId },
      ...(input.identifier ? { identifiers: { some: { type: input.identifier.type, value: input.identifier.value } } } : {}),
    },
    orderBy: { id: "asc" },
    take: input.limit + 1,
    select: {
      id: true,
      title: true,
      contributors: true,
      type: true,
      language: true,
      publicationYear: true,
      publisher: true,
      purposes: true,
      excludedFrom: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      identifiers: { orderBy: { id: "asc" }, select: { type: true, value: true } },
    },
  });
  const page = rows.slice(0, input.limit);
  return {
    data: page.map((w) => ({
      ...w,
      excludedFrom: w.excludedFrom ? w.excludedFrom.toISOString().slice(0, 10) : null,
      createdAt: w.createdAt.toISOString(),
      updatedAt: w.updatedAt.toISOString(),
    })),
    nextCursor: rows.length > input.limit ? encodeCursor(page.at(-1)!.id) : null,
  };
}
