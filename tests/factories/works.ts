// Works for tests: identifiers drawn at random (files share one database), enrolled with Prisma.
import { randomInt } from "node:crypto";
import type { Purpose, WorkType } from "@/generated/prisma/enums";
import { isbn13CheckDigit, issnCheckDigit } from "@/lib/identifiers";
import { normalizeTitle } from "@/lib/titles";
import { db } from "@/server/db";

/** A valid ISBN-13, different each call (nine random digits). */
export function uniqueIsbn(): string {
  const first12 = `979${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`;
  return first12 + isbn13CheckDigit(first12);
}

export function uniqueIssn(): string {
  const first7 = String(randomInt(0, 10_000_000)).padStart(7, "0");
  return first7 + issnCheckDigit(first7);
}

export function uniqueDoi(): string {
  return `10.5555/test.${randomInt(0, 2 ** 47).toString(36)}`;
}

export async function createWork(
  rightsholderId: string,
  overrides: { title?: string; isbn?: string; type?: WorkType; purposes?: Purpose[]; publicationYear?: number; excludedFrom?: Date } = {},
) {
  const title = overrides.title ?? `Test work ${randomInt(0, 1e9)}`;
  return db.work.create({
    data: {
      rightsholderId,
      title,
      normalizedTitle: normalizeTitle(title),
      contributors: ["Test Author"],
      type: overrides.type ?? "BOOK",
      publicationYear: overrides.publicationYear ?? 2020,
      purposes: overrides.purposes,
      excludedFrom: overrides.excludedFrom,
      identifiers: { create: [{ type: "ISBN13", value: overrides.isbn ?? uniqueIsbn() }] },
    },
    include: { identifiers: true },
  });
}
