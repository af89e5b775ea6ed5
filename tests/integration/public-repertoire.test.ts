import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { searchPublicRepertoire } from "@/server/repertoire/public-repertoire.queries";
import { createOrganizationWithPeople } from "../factories";
import { createWork, uniqueIsbn } from "../factories/works";

describe("the public repertoire search", () => {
  it("finds works in the repertoire today by title words or identifier, showing titles and identifiers only", async () => {
    const approved = await createOrganizationWithPeople("RIGHTSHOLDER");
    await db.rightsholderProfile.update({ where: { organizationId: approved.organization.id }, data: { status: "APPROVED", approvedAt: new Date() } });
    const pending = await createOrganizationWithPeople("RIGHTSHOLDER");
    const word = `zephyrine${Date.now().toString(36)}`;
    const isbn = uniqueIsbn();
    const shown = await createWork(approved.organization.id, { title: `The ${word} Atlas`, isbn });
    await createWork(approved.organization.id, { title: `A ${word} excluded`, excludedFrom: new Date("2020-01-01T00:00:00Z") });
    await createWork(pending.organization.id, { title: `A ${word} of a pending rightsholder` });

    const byTitle = await searchPublicRepertoire(word.slice(0, 8));
    expect(byTitle?.works.map((w) => w.title)).toEqual([`The ${word} Atlas`]);
    expect(Object.keys(byTitle!.works[0]!).sort()).toEqual(["id", "identifiers", "publicationYear", "title", "type"]);

    const byIsbn = await searchPublicRepertoire(`${isbn.slice(0, 3)}-${isbn.slice(3)}`);
    expect(byIsbn).toMatchObject({ isIdentifierSearch: true, works: [{ id: shown.id, identifiers: [{ type: "ISBN13", value: isbn }] }] });

    expect((await searchPublicRepertoire("978-0-306-40615-8"))?.identifierProblem).toMatch(/check digit/);
    expect(await searchPublicRepertoire("   ")).toBeNull();
    expect((await searchPublicRepertoire("'; DROP TABLE works; --"))?.works).toEqual([]);
  });
});
