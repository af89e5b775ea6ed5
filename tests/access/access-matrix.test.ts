import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/server/errors";
import { INTERNAL_FUNCTIONS, PUBLIC_USE_CASES, USE_CASE_MATRIX } from "./use-case-matrix";
import { ACTOR_KEYS, createWorld, type World } from "./world";

const ROOT = path.resolve(import.meta.dirname, "../..");

function filesUnder(dir: string, accept: (file: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, accept) : accept(full) ? [full] : [];
  });
}

function exportedFunctions(source: string): string[] {
  return [...source.matchAll(/export (?:async )?function (\w+)/g)].map((m) => m[1]!);
}

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

describe("every use case refuses the wrong role and another organisation", () => {
  for (const [name, entry] of Object.entries(USE_CASE_MATRIX)) {
    describe(name, () => {
      for (const key of ACTOR_KEYS) {
        const isAllowed = entry.allowed.includes(key);
        it(`${isAllowed ? "lets" : "refuses"} ${key}`, async () => {
          const outcome = await entry.run(world.actors[key], world).then(
            () => null,
            (error: unknown) => error,
          );
          const refused = isAppError(outcome) && (outcome.code === "FORBIDDEN" || outcome.code === "NOT_FOUND");
          if (isAllowed) {
            // Past the access check: success, or a refusal about the input, never about who asks.
            if (outcome && !isAppError(outcome) && !(outcome instanceof Error && outcome.name === "ZodError")) throw outcome;
            expect(refused, `${name} refused ${key}: ${String(outcome)}`).toBe(false);
          } else {
            expect(refused, `${name} let ${key} through`).toBe(true);
          }
        });
      }
    });
  }
});

describe("the matrix covers everything that exists", () => {
  it("lists every exported server function", () => {
    const files = filesUnder(path.join(ROOT, "src/server"), (f) => f.endsWith(".ts") && !f.endsWith(".schema.ts"));
    const names = files.flatMap((f) => exportedFunctions(readFileSync(f, "utf8")));
    const unlisted = names.filter((n) => !(n in USE_CASE_MATRIX) && !(n in PUBLIC_USE_CASES) && !INTERNAL_FUNCTIONS.has(n));
    expect(unlisted, "add these to tests/access/use-case-matrix.ts").toEqual([]);
  });

  it("has every server action load the actor and call a use case from the matrix", () => {
    const actionFiles = filesUnder(path.join(ROOT, "src/app"), (f) => /\.tsx?$/.test(f)).filter((f) =>
      /^["']use server["']/.test(readFileSync(f, "utf8").trimStart()),
    );
    expect(actionFiles.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const file of actionFiles) {
      const source = readFileSync(file, "utf8");
      for (const action of exportedFunctions(source)) {
        const body = source.slice(source.indexOf(`function ${action}`)).split(/\nexport /)[0]!;
        const calls = Object.keys({ ...USE_CASE_MATRIX, ...PUBLIC_USE_CASES }).filter((u) => new RegExp(`\\b${u}\\(`).test(body));
        if (calls.length === 0) problems.push(`${action} calls no listed use case`);
        const needsActor = calls.some((u) => u in USE_CASE_MATRIX);
        if (needsActor && !/getActor\(\)/.test(body)) problems.push(`${action} does not load the actor`);
      }
    }
    expect(problems).toEqual([]);
  });
});
