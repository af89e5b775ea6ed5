// The frame of every hostile-input property: how many cases run (HOSTILE_RUNS_MULTIPLIER scales
// them; the nightly script sets 50), the time budget of one case, the checks that an error is
// clear, and a tally per test file (cases run, slowest case) written to test-results/hostile/
// so the nightly script can add them up.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, expect } from "vitest";

const multiplier = Number(process.env.HOSTILE_RUNS_MULTIPLIER ?? "1");
if (!Number.isFinite(multiplier) || multiplier <= 0) throw new Error(`HOSTILE_RUNS_MULTIPLIER must be a positive number, not "${process.env.HOSTILE_RUNS_MULTIPLIER}".`);

/** One case's time budget: a parser that takes longer on some input is a denial of service waiting to happen. */
export const CASE_BUDGET_MS = Number(process.env.HOSTILE_BUDGET_MS ?? "200");

/** A test's timeout, scaled with its runs (an explicit timeout is not raised by vitest's --testTimeout). */
export function hostileTimeout(ms: number): number {
  return Math.round(ms * Math.max(1, multiplier));
}

/** The CI number of runs, scaled for the nightly run. */
export function runs(base: number): number {
  return Math.max(1, Math.round(base * multiplier));
}

type Tally = { property: string; cases: number; slowestMs: number; slowestInput: string; budgetMs: number };
const tallies = new Map<string, Tally>();

const REPORT_DIR = path.resolve(import.meta.dirname, "../../../test-results/hostile");

/** Call once per test file: at the end, its tally is printed and written for the nightly total. */
export function recordHostileCases(testFile: string): void {
  afterAll(() => {
    const list = [...tallies.values()];
    const cases = list.reduce((sum, t) => sum + t.cases, 0);
    const slowest = list.reduce<Tally | null>((worst, t) => (!worst || t.slowestMs > worst.slowestMs ? t : worst), null);
    const name = path.basename(testFile).replace(/\.test\.ts$/, "");
    fs.mkdirSync(REPORT_DIR, { recursive: true });
    fs.writeFileSync(path.join(REPORT_DIR, `${name}.json`), `${JSON.stringify({ file: name, multiplier, cases, properties: list }, null, 2)}\n`);
    console.log(`[hostile] ${name}: ${cases} cases in ${list.length} properties; slowest ${slowest ? `${slowest.slowestMs.toFixed(1)} ms (${slowest.property})` : "-"}`);
  });
}

function tally(property: string, budgetMs: number): Tally {
  let t = tallies.get(property);
  if (!t) tallies.set(property, (t = { property, cases: 0, slowestMs: 0, slowestInput: "", budgetMs }));
  return t;
}

/** fc.stringify, or a note when the value is too deep to print (it recurses). */
export function show(value: unknown, maxLength = 300): string {
  try {
    return fc.stringify(value).slice(0, maxLength);
  } catch {
    return "[too deep to print]";
  }
}

function note(t: Tally, ms: number, input: unknown) {
  t.cases++;
  if (ms > t.slowestMs) {
    t.slowestMs = ms;
    t.slowestInput = show(input);
  }
}

type Options<T> = { numRuns: number; budgetMs?: number; examples?: T[] };

/**
 * A property over hostile inputs: `check` asserts what must hold (and throws on failure); each
 * case must finish within the budget. A slow case is timed twice more and judged by its fastest
 * run, so a garbage-collection pause on a busy machine is not taken for a slow parser.
 */
export function hostileProperty<T>(property: string, arbitrary: fc.Arbitrary<T>, check: (input: T) => void, options: Options<T>): void {
  const budgetMs = options.budgetMs ?? CASE_BUDGET_MS;
  const t = tally(property, budgetMs);
  fc.assert(
    fc.property(arbitrary, (input) => {
      let ms = timeSync(() => check(input));
      for (let retry = 0; retry < 2 && ms > budgetMs; retry++) ms = Math.min(ms, timeSync(() => check(input)));
      note(t, ms, input);
      expect(ms, `one case took ${ms.toFixed(1)} ms, the budget is ${budgetMs} ms`).toBeLessThanOrEqual(budgetMs);
    }),
    { numRuns: runs(options.numRuns), examples: options.examples?.map((e) => [e] as [T]) },
  );
}

/** The same for asynchronous checks (streamed files, route handlers). */
export async function hostileAsyncProperty<T>(property: string, arbitrary: fc.Arbitrary<T>, check: (input: T) => Promise<void>, options: Options<T>): Promise<void> {
  const budgetMs = options.budgetMs ?? CASE_BUDGET_MS;
  const t = tally(property, budgetMs);
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      let ms = await timeAsync(() => check(input));
      for (let retry = 0; retry < 2 && ms > budgetMs; retry++) ms = Math.min(ms, await timeAsync(() => check(input)));
      note(t, ms, input);
      expect(ms, `one case took ${ms.toFixed(1)} ms, the budget is ${budgetMs} ms`).toBeLessThanOrEqual(budgetMs);
    }),
    { numRuns: runs(options.numRuns), examples: options.examples?.map((e) => [e] as [T]) },
  );
}

function timeSync(body: () => void): number {
  const started = performance.now();
  body();
  return performance.now() - started;
}

async function timeAsync(body: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await body();
  return performance.now() - started;
}

// What must never reach a person: a stack trace, an engine's or a library's own error text, SQL,
// file paths, or JavaScript's words for a value that went missing.
const LEAKS: [RegExp, string][] = [
  [/\n\s+at\s/, "a stack trace"],
  [/\b(?:TypeError|RangeError|ReferenceError|SyntaxError: Unexpected)\b/, "a JavaScript error name"],
  [/is not a function|Cannot read propert|of undefined|of null\b/, "a JavaScript error"],
  [/prisma|PrismaClient|SQLSTATE|duplicate key|violates .* constraint|invalid byte sequence|relation "|\bSELECT\s.+\sFROM\b|\bINSERT INTO\b/i, "database internals"],
  [/node_modules|\/work\/|file:\/\/\/|\.ts:\d+/, "a source path"],
  [/\[object Object\]/, "an object printed as text"],
];

/** A message a person can act on: text, not empty, not huge, and none of the leaks above. */
export function expectClearMessage(message: unknown, input?: unknown, maxLength = 2_000): void {
  expect(typeof message, `message ${show(message)}`).toBe("string");
  const text = message as string;
  expect(text.trim().length, "the message is empty").toBeGreaterThan(0);
  expect(text.length, `the message is ${text.length} characters long`).toBeLessThanOrEqual(maxLength);
  // A message may quote the input back: what the input itself contains is not a leak.
  const echoed = () => (input === undefined ? "" : show(input, Infinity));
  for (const [pattern, what] of LEAKS) {
    if (pattern.test(text) && !pattern.test(echoed())) expect.fail(`the message shows ${what}: ${text.slice(0, 300)}`);
  }
  // ("undefined entity" is XML's own name for &name; without a declaration, not a missing value.)
  for (const word of ["undefined", "NaN"]) {
    if (new RegExp(`\\b${word}\\b(?! entity)`).test(text) && !echoed().includes(word)) expect.fail(`the message says "${word}": ${text.slice(0, 300)}`);
  }
}

/** Field errors as the forms and the API return them: each field's messages clear, names bounded. */
export function expectClearFieldErrors(errors: unknown, input?: unknown): void {
  expect(errors !== null && typeof errors === "object", `field errors ${show(errors)}`).toBe(true);
  const entries = Object.entries(errors as Record<string, unknown>);
  expect(entries.length, "no field error at all").toBeGreaterThan(0);
  for (const [field, messages] of entries) {
    expect(field.length, `field name "${field.slice(0, 80)}…"`).toBeLessThanOrEqual(80);
    expect(Array.isArray(messages) && messages.length > 0, `messages of ${field}`).toBe(true);
    for (const m of messages as unknown[]) expectClearMessage(m, input);
  }
}

/** Runs `body`; a thrown value must be an instance of one of the documented refusal types. */
export function refusalOf(body: () => unknown, ...types: (abstract new (...args: never[]) => Error)[]): Error | null {
  try {
    body();
    return null;
  } catch (error) {
    if (!types.some((type) => error instanceof type)) throw new Error(`undocumented ${String(error)}`, { cause: error });
    return error as Error;
  }
}

export async function asyncRefusalOf(body: () => Promise<unknown>, ...types: (abstract new (...args: never[]) => Error)[]): Promise<Error | null> {
  try {
    await body();
    return null;
  } catch (error) {
    if (!types.some((type) => error instanceof type)) throw new Error(`undocumented ${String(error)}`, { cause: error });
    return error as Error;
  }
}

// What PostgreSQL can store: no NUL in text, well-formed Unicode (a lone surrogate would be
// silently replaced on the way in), integers within BIGINT.
const INT8_MAX = 9_223_372_036_854_775_807n;

export function expectStorableText(value: string, what: string): void {
  expect(value.includes("\u0000"), `${what} contains NUL: ${show(value, 120)}`).toBe(false);
  expect(/\p{Cs}/u.test(value), `${what} contains a lone surrogate: ${show(value, 120)}`).toBe(false);
}

export function expectStorableBigint(value: bigint, what: string): void {
  expect(value >= -INT8_MAX - 1n && value <= INT8_MAX, `${what} ${value} is outside BIGINT`).toBe(true);
}

/** The identifier format CHECK of work_identifiers (migration SQL), in JavaScript. */
export function expectIdentifierStorable(identifier: { type: string; value: string }): void {
  const patterns: Record<string, RegExp> = { ISBN13: /^97[89][0-9]{10}$/, ISSN: /^[0-9]{7}[0-9X]$/, DOI: /^10\.[0-9]{4,9}\/\S+$/, URL: /^https?:\/\/\S+$/ };
  expect(Object.keys(patterns)).toContain(identifier.type);
  expect(patterns[identifier.type]!.test(identifier.value), `${identifier.type} ${show(identifier.value, 120)} fails the format CHECK`).toBe(true);
  if (identifier.type === "DOI") expect(identifier.value).toBe(identifier.value.toLowerCase());
  expectStorableText(identifier.value, identifier.type);
}
