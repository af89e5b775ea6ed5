// Faults on demand in the Stripe test double, so tests can show that the portal survives Stripe
// failing. POST /v1/test_helpers/faults with
//   path      the request paths it applies to, by prefix ("/v1/transfers")
//   mode      "500": answered at once with a 500 api_error and nothing done (an outage);
//             "500-saved": the same answer, but saved under the request's Idempotency-Key and
//             replayed to every later request with that key, as Stripe does with a 500 that
//             happened while the request executed;
//             "timeout": done as usual, but the answer held back for `delay_ms` (default 15000,
//             past the 10 s timeout the portal's client has with the double): the SDK gives up on
//             a request Stripe did execute, the hardest case for "exactly once"
//   count     how many matching requests fail (default 1); after that they are answered normally
//   method    optional: only requests with this method ("POST", "GET")
//   match     optional: only requests whose parameters (form body, or query string for GET)
//             include these values, e.g. match[destination]=acct_…, match[metadata][payoutId]=…
// answers the fault (object "test_helpers.fault"); DELETE /v1/test_helpers/faults removes every
// fault still armed. The double is shared by every test file of a run: a test keeps its faults
// to its own requests with `match`.
import { randomBytes } from "node:crypto";
import type { FormValue } from "./form-body";

type Json = Record<string, unknown>;
type Fail = (message: string, param?: string, code?: string, status?: number) => Error;

export type Fault = { id: string; path: string; method: string | null; mode: "500" | "500-saved" | "timeout"; remaining: number; delayMs: number; match: Record<string, FormValue> };

const MAX_DELAY_MS = 60_000;

/** True when every value in `wanted` is in `actual` (nested objects compared the same way). */
function includes(actual: FormValue | undefined, wanted: FormValue): boolean {
  if (typeof wanted === "string") return actual === wanted;
  if (!actual || typeof actual === "string") return false;
  return Object.entries(wanted).every(([key, value]) => includes((actual as Record<string, FormValue>)[key], value));
}

export function createFaults(fail: Fail) {
  const armed: Fault[] = [];

  return {
    /** Arms a fault from the helper's form body. */
    add(body: Record<string, FormValue>): Json {
      const path = typeof body.path === "string" ? body.path : "";
      if (!path.startsWith("/v1/")) throw fail("Missing required param: path (a prefix such as /v1/transfers).", "path", "parameter_missing");
      const mode = body.mode;
      if (mode !== "500" && mode !== "500-saved" && mode !== "timeout") throw fail("Invalid mode: must be one of 500, 500-saved or timeout", "mode");
      const count = body.count === undefined ? 1 : Number(body.count);
      if (!Number.isInteger(count) || count < 1) throw fail("Invalid positive integer", "count");
      const delayMs = body.delay_ms === undefined ? 15_000 : Number(body.delay_ms);
      if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > MAX_DELAY_MS) throw fail(`delay_ms must be a whole number of milliseconds up to ${MAX_DELAY_MS}.`, "delay_ms");
      const method = typeof body.method === "string" ? body.method.toUpperCase() : null;
      const match = body.match && typeof body.match === "object" && !Array.isArray(body.match) ? body.match : {};
      const fault: Fault = { id: `fault_${randomBytes(8).toString("hex")}`, path, method, mode, remaining: count, delayMs, match };
      armed.push(fault);
      return { object: "test_helpers.fault", id: fault.id, path, method, mode, count, delay_ms: delayMs, match };
    },
    clear(): Json {
      const removed = armed.splice(0).length;
      return { object: "test_helpers.faults_cleared", removed };
    },
    /** The fault this request trips, if any (used up by one). Helper paths never trip one. */
    take(method: string, pathname: string, params: Record<string, FormValue>): Fault | undefined {
      if (pathname.startsWith("/v1/test_helpers/faults")) return undefined;
      const index = armed.findIndex((f) => pathname.startsWith(f.path) && (!f.method || f.method === method) && includes(params, f.match));
      if (index < 0) return undefined;
      const fault = armed[index]!;
      fault.remaining -= 1;
      if (fault.remaining === 0) armed.splice(index, 1);
      return fault;
    },
  };
}
