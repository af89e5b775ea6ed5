// One scenario at a fixed arrival rate with autocannon. autocannon's rate limit lets each
// connection send its quota for the second as soon as the second starts, so a single instance
// with overallRate=150 delivers 150 requests in a burst every second. Here the rate is made of
// many small instances (3 connections of one request a second each) started evenly across the
// first second: arrivals spread over the second, as independent clients' would. A connection
// whose answer takes longer than a second falls behind, so the achieved rate shows saturation.
// Latencies are every answer's own time (autocannon's `response` event), not its histogram.
import autocannon from "autocannon";

export type Scenario = {
  name: string;
  /** Request paths and headers, taken in turn. */
  requests: { path: string; headers: Record<string, string> }[];
};

export type ScenarioResult = {
  name: string;
  seconds: number;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  errorsPct: number;
};

const CONNECTIONS_PER_INSTANCE = 3;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runScenario(baseUrl: string, scenario: Scenario, options: { rate: number; seconds: number }): Promise<ScenarioResult> {
  const instances = Math.max(1, Math.round(options.rate / CONNECTIONS_PER_INSTANCE));
  const latencies: number[] = [];
  let next = 0;
  const started = Date.now();
  const runs = Array.from({ length: instances }, (_, i) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      setTimeout(() => {
        const instance = autocannon(
          {
            url: baseUrl,
            connections: CONNECTIONS_PER_INSTANCE,
            connectionRate: 1,
            duration: options.seconds,
            timeout: 10,
            requests: [{
              setupRequest: (request) => {
                const r = scenario.requests[next++ % scenario.requests.length]!;
                return { ...request, method: "GET", path: r.path, headers: { ...request.headers, ...r.headers } };
              },
            }],
          },
          (error, result) => (error ? reject(error) : resolve(result)),
        );
        instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
      }, Math.floor((i * 1000) / instances));
    }));
  const results = await Promise.all(runs);
  const seconds = (Date.now() - started) / 1000;
  const statusCodes: Record<string, number> = {};
  for (const r of results) {
    for (const [code, stat] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = (statusCodes[code] ?? 0) + (stat as { count: number }).count;
  }
  const sum = (f: (r: autocannon.Result) => number) => results.reduce((s, r) => s + f(r), 0);
  const errors = sum((r) => r.errors);
  const timeouts = sum((r) => r.timeouts);
  const non2xx = sum((r) => r.non2xx);
  const answered = latencies.length;
  const sorted = [...latencies].sort((a, b) => a - b);
  const attempted = answered + errors;
  return {
    name: scenario.name,
    seconds,
    requests: answered,
    perSecond: answered / options.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    errors,
    timeouts,
    non2xx,
    statusCodes,
    errorsPct: attempted === 0 ? 100 : ((errors + non2xx) / attempted) * 100,
  };
}
