// Hostile text against the small parsers of typed values: identifiers, titles, quarters, shares,
// settings, money, cron, webhook URLs and the CSV export's formula neutralising. Each either
// answers a value the database can hold (and that parses back to itself) or a clear refusal.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectIdentifier, normalizeIdentifier } from "@/lib/identifiers";
import { parseDollarsToCents, centsToDollarInput } from "@/lib/licensing/refund-rules";
import { normalizeTitle } from "@/lib/titles";
import { parseQuarter } from "@/lib/usage/quarters";
import { formatShare, parseSharePercent, SHARE_TOTAL_BPS } from "@/lib/works/co-owner-shares";
import { csvLine } from "@/lib/works/works-csv";
import { CsvRecordReader } from "@/server/imports/csv-reader";
import { nextCronTime, parseCron } from "@/server/jobs/cron";
import { INDUSTRY_GROUPS, priceLicense, PricingError, type PriceScheduleTerms } from "@/lib/pricing/price-license";
import { parseDollars, parsePercentToBps, readScheduleForm, ZQuoteInput } from "@/server/pricing/pricing.schema";
import { parseSettingInput, SETTING_KEYS, settingInputValue } from "@/server/settings/settings.schema";
import { webhookUrlFormProblem } from "@/server/webhooks/webhook-url";
import { hostileText, identifierLike, longRun, mutated, SPECIALS } from "./support/arbitraries";
import { expectClearMessage, expectIdentifierStorable, expectStorableText, hostileProperty, recordHostileCases, refusalOf } from "./support/hostile";

recordHostileCases(import.meta.filename);

const IDENTIFIER_TYPES = ["ISBN", "ISBN10", "ISBN13", "ISSN", "DOI", "URL"] as const;

describe("identifiers", () => {
  // Found by these properties: a DOI with NUL, control characters or a lone surrogate was
  // accepted (PostgreSQL then refused the NUL with a 500); "%2541" decoded to "%41", which
  // normalised again to "a": the stored form was not a normal form.
  const REGRESSIONS = ["https://doi.org#/10.1002%2F0470841559.ch1", "10.1234/a\u0000b", "10.1234/%00", "10.1234/\ud800", "10.1234/a\u001bb", "doi:10.1000/%2541", "10.1000/%41"];

  it("detectIdentifier answers a storable normal form that is stable, or a clear error", () => {
    hostileProperty("detectIdentifier", identifierLike, (raw) => {
      const result = detectIdentifier(raw);
      if (!result.ok) return expectClearMessage(result.error, raw);
      expectIdentifierStorable(result);
      const again = detectIdentifier(result.value);
      expect(again, `${fc.stringify(result.value)} normalised again`).toEqual(result);
    }, { numRuns: 2_000, examples: REGRESSIONS });
  });

  it("normalizeIdentifier with a declared type does the same", () => {
    hostileProperty("normalizeIdentifier", fc.tuple(fc.constantFrom(...IDENTIFIER_TYPES), identifierLike), ([type, raw]) => {
      const result = normalizeIdentifier(type, raw);
      if (!result.ok) return expectClearMessage(result.error, raw);
      expectIdentifierStorable(result);
      expect(normalizeIdentifier(result.type, result.value)).toEqual(result);
    }, { numRuns: 1_000, examples: REGRESSIONS.map((r): [(typeof IDENTIFIER_TYPES)[number], string] => ["DOI", r]) });
  });

  it("refuses the regressions with a sentence", () => {
    for (const raw of REGRESSIONS.slice(0, 5)) {
      const result = detectIdentifier(raw);
      expect(result.ok, fc.stringify(raw)).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/DOI/);
    }
    expect(detectIdentifier("doi:10.1000/%2541")).toMatchObject({ ok: false, error: expect.stringMatching(/encoded twice/) });
    expect(detectIdentifier("10.1000/%41")).toEqual({ ok: true, type: "DOI", value: "10.1000/a" });
    // Found by the nightly run: "https://doi.org#/10.1/x" was a URL whose normal form,
    // "https://doi.org/", then read as a DOI (and failed): a doi.org link is refused as a URL.
    expect(detectIdentifier("https://doi.org#/10.1002%2F0470841559.ch1")).toMatchObject({ ok: false, error: expect.stringMatching(/doi\.org link/) });
    expect(normalizeIdentifier("URL", "https://dx.doi.org/10.1000/x")).toMatchObject({ ok: false });
    // Found too: 700 "é" pass the 2,048-character limit as typed but not once %-encoded (4,220).
    expect(detectIdentifier(`https://example.org/${"é".repeat(700)}`)).toMatchObject({ ok: false, error: "This URL is too long." });
  });
});

describe("titles", () => {
  it("normalizeTitle gives lower-case words of letters and digits, one space apart, every time the same", () => {
    hostileProperty("normalizeTitle", fc.oneof(hostileText(200), longRun(1, 10_000)), (title) => {
      const key = normalizeTitle(title);
      expect(key).toMatch(/^(?:[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*)?$/u);
      expectStorableText(key, "title key");
      expect(normalizeTitle(key), `${fc.stringify(title)} → ${fc.stringify(key)}`).toBe(key);
    }, { numRuns: 1_000 });
  });
});

describe("quarters", () => {
  it("parseQuarter gives a real quarter in range, or null", () => {
    const quarterLike = fc.oneof(mutated(fc.constantFrom("2026Q3", "2000Q1", "2100Q4")), hostileText(), fc.tuple(fc.integer({ min: -1, max: 99_999 }), fc.integer({ min: -1, max: 9 })).map(([y, q]) => `${y}Q${q}`));
    hostileProperty("parseQuarter", quarterLike, (code) => {
      const quarter = parseQuarter(code);
      if (quarter === null) return;
      expect(quarter.code).toMatch(/^(20\d\d|2100)Q[1-4]$/);
      expect(quarter.startsOn < quarter.endsOn).toBe(true);
      expect(parseQuarter(quarter.code)).toEqual(quarter);
    }, { numRuns: 1_000 });
  });
});

describe("co-owner shares", () => {
  it("parseSharePercent gives 1 to 10,000 basis points that format and parse back, or a clear error", () => {
    const shareLike = fc.oneof(
      mutated(fc.constantFrom("60", "33.33", "12,5", "40 %", "100", "0.01")),
      hostileText(),
      fc.double().map(String),
      fc.anything(),
    );
    hostileProperty("parseSharePercent", shareLike, (raw) => {
      const result = parseSharePercent(raw);
      if (!result.ok) return expectClearMessage(result.error, raw);
      expect(Number.isInteger(result.bps) && result.bps >= 1 && result.bps <= SHARE_TOTAL_BPS, `${fc.stringify(raw)} → ${result.bps}`).toBe(true);
      expect(parseSharePercent(formatShare(result.bps))).toEqual(result);
    }, { numRuns: 1_000 });
  });
});

describe("operator settings", () => {
  it("parseSettingInput gives a value in range that the form shows and parses back, or a clear error", () => {
    const typed = fc.oneof(
      mutated(fc.constantFrom("15", "15.5", "100 %", "250.00", "$1,000,000.00", "1,234", "06-30", "02-28", "02-29", "13-01", "15", "60", "0")),
      hostileText(),
      longRun(1, 2_000),
    );
    hostileProperty("parseSettingInput", fc.tuple(fc.constantFrom(...SETTING_KEYS), typed), ([key, text]) => {
      const result = parseSettingInput(key, text);
      if (!result.ok) return expectClearMessage(result.error, text);
      if (typeof result.value === "number") expect(Number.isSafeInteger(result.value) && result.value >= 0).toBe(true);
      expect(parseSettingInput(key, settingInputValue(key, result.value))).toEqual(result);
    }, { numRuns: 1_000 });
  });
});

describe("money typed in forms", () => {
  const amount = fc.oneof(
    mutated(fc.constantFrom("1,500.00", "1500", "$1,500.5", "0.01", "0", "9999999999.99", "60.5", "100%")),
    hostileText(),
    longRun(1, 5_000),
    fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String),
  );

  it("parseDollars, parseDollarsToCents and parsePercentToBps give exact non-negative amounts or refuse", () => {
    hostileProperty("money parsers", amount, (text) => {
      const dollars = parseDollars(text);
      if (dollars !== null) expect(dollars >= 0n && dollars < 10n ** 15n).toBe(true);
      const refund = parseDollarsToCents(text);
      if (refund.ok) {
        expect(refund.cents >= 0n).toBe(true);
        expect(parseDollarsToCents(centsToDollarInput(refund.cents))).toEqual(refund);
      } else expectClearMessage(refund.error, text);
      const bps = parsePercentToBps(text);
      if (bps !== null) expect(Number.isSafeInteger(bps) && bps >= 0).toBe(true);
    }, { numRuns: 1_000 });
  });

  // Found by this property: a quote without a country said "Invalid input: expected string, received undefined".
  it("the quote's input (ZQuoteInput) and priceLicense give a non-negative fee in cents, or a PricingError with a sentence", () => {
    const schedule: PriceScheduleTerms = {
      currency: "USD",
      smallOrgMaxEmployees: 50,
      flatBands: [{ maxEmployees: 10, feeCents: 160_000n }, { maxEmployees: 50, feeCents: 480_000n }],
      industryRates: INDUSTRY_GROUPS.map((industryGroup) => ({ industryGroup, perEmployeeCents: 7_550n })),
      countryFactors: [{ country: "*", factorBps: 10_000 }, { country: "IN", factorBps: 6_000 }],
    };
    const quote = fc.record({
      employeeCount: fc.oneof(fc.integer({ min: -5, max: 2_000_000 }), fc.constantFrom(Number.NaN, Infinity, -0, 1e300, 10.5, Number.MAX_SAFE_INTEGER + 2), mutated(fc.constantFrom("250", "1,000", "1e3", "0x10")), hostileText(8)),
      industryGroup: fc.oneof(fc.constantFrom(...INDUSTRY_GROUPS), hostileText(12)),
      country: fc.oneof(mutated(fc.constantFrom("in", "DE", "*")), hostileText(4)),
    }, { requiredKeys: [] });
    hostileProperty("quote input and priceLicense", quote, (raw) => {
      const parsed = ZQuoteInput.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) expectClearMessage(issue.message, raw);
      } else {
        const fee = priceLicense(schedule, parsed.data).feeCents;
        expect(fee >= 0n).toBe(true);
      }
      // Called directly too, as the page's live quote does with what the form holds.
      const refusal = refusalOf(() => priceLicense(schedule, { employeeCount: Number(raw.employeeCount), industryGroup: raw.industryGroup as (typeof INDUSTRY_GROUPS)[number], country: String(raw.country ?? "") }), PricingError);
      if (refusal) expectClearMessage(refusal.message, raw);
    }, { numRuns: 1_000, examples: [{}] });
  });

  it("readScheduleForm turns any form values into a draft of strings", () => {
    const fieldName = fc.oneof(
      fc.constantFrom("effectiveFrom", "smallOrgMaxEmployees", "rate-TECHNOLOGY", "rate-OTHER", "__proto__", "constructor"),
      fc.tuple(fc.constantFrom("band", "factor"), fc.oneof(fc.nat(30).map(String), fc.constantFrom("00", "1e3", "99999999999999999999", "-1", "")), fc.constantFrom("max", "fee", "country", "percent", "")).map(([p, i, f]) => `${p}-${i}-${f}`),
      hostileText(20),
    );
    hostileProperty("readScheduleForm", fc.array(fc.tuple(fieldName, hostileText(20)), { maxLength: 40 }), (entries) => {
      const draft = readScheduleForm(Object.fromEntries(entries));
      for (const value of [draft.effectiveFrom, draft.smallOrgMaxEmployees, ...draft.bands.flatMap((b) => [b.maxEmployees, b.fee]), ...draft.factors.flatMap((f) => [f.country, f.percent]), ...Object.values(draft.rates)]) {
        expect(typeof value).toBe("string");
      }
    }, { numRuns: 500 });
  });
});

describe("cron expressions", () => {
  const field = fc.oneof(fc.constantFrom("*", "*/15", "1-5", "0", "59", "1,15", "*/0", "5-1", "60", "99999999999999999999", "", "L", "?"), fc.nat(70).map(String), hostileText(6));
  const expression = fc.oneof(fc.array(field, { minLength: 5, maxLength: 5 }).map((f) => f.join(" ")), fc.array(field, { maxLength: 8 }).map((f) => f.join(fc.sample(fc.constantFrom(" ", "\t", "  "), 1)[0])), hostileText(), longRun(1, 3_000));

  it("parseCron either gives values in range (and a next time) or throws an Error with a short sentence", () => {
    hostileProperty("parseCron", expression, (text) => {
      const refusal = refusalOf(() => parseCron(text), Error);
      if (refusal) return expectClearMessage(refusal.message, text, 300);
      const schedule = parseCron(text);
      const ranges = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 6]] as const;
      schedule.sets.forEach((set, i) => {
        expect(set.size).toBeGreaterThan(0);
        for (const v of set) expect(v >= ranges[i]![0] && v <= ranges[i]![1]).toBe(true);
      });
      const next = refusalOf(() => nextCronTime(text, new Date("2026-01-01T00:00:00Z")), Error);
      if (next) expectClearMessage(next.message, text, 300);
    }, { numRuns: 500, examples: [`1 2 3 4 ${"9".repeat(400)}`, "0 0 30 2 *"] });
  });
});

describe("webhook URLs", () => {
  const urlLike = fc.oneof(
    mutated(fc.constantFrom("https://example.com/hook", "http://localhost:3000/hook", "https://user:pw@example.com/", "https://10.0.0.1/", "https://[::ffff:127.0.0.1]/", "https://169.254.169.254/latest", "https://a.internal/", "https://xn--e1afmkfd.xn--p1ai/")),
    fc.tuple(fc.constantFrom("https://", "http://", "HTTPS://", "javascript:", "file://", "ftp://", "//"), hostileText(40)).map(([a, b]) => a + b),
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    hostileText(),
  );

  it("webhookUrlFormProblem accepts only parseable http(s) URLs without credentials, else says why", () => {
    hostileProperty("webhookUrlFormProblem", fc.tuple(urlLike, fc.constantFrom("production", "local") as fc.Arbitrary<"production" | "local">), ([raw, policy]) => {
      const problem = webhookUrlFormProblem(raw, policy);
      if (problem !== null) return expectClearMessage(problem, raw);
      const url = new URL(raw);
      expect(["https:", ...(policy === "local" ? ["http:"] : [])]).toContain(url.protocol);
      expect(url.username + url.password).toBe("");
    }, { numRuns: 1_000 });
  });
});

describe("CSV export cells", () => {
  // What a spreadsheet runs as a formula when a cell starts with it.
  const FORMULA = /^[=+\-@\t\r]/;
  const cell = fc.oneof(
    fc.tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r", " =", "'=", '"=', "\n="), hostileText(30)).map(([a, b]) => a + b),
    hostileText(80),
    fc.constantFrom(...SPECIALS),
  ).filter((text) => !text.includes("\u0000") && !/\p{Cs}/u.test(text)); // what the database can hold

  it("csvCell never lets a cell start like a formula, and the reader gets the text back", () => {
    hostileProperty("csvCell", fc.array(cell, { minLength: 1, maxLength: 5 }), (cells) => {
      const reader = new CsvRecordReader({ maxFieldBytes: 64 * 1024, maxRawBytes: 1_000 });
      const records = [...reader.push(Buffer.from(csvLine(cells))), ...reader.end()];
      expect(records).toHaveLength(1);
      const [record] = records;
      expect(record!.error).toBeNull();
      expect(record!.fields).toHaveLength(cells.length);
      record!.fields.forEach((field, i) => {
        expect(FORMULA.test(field), `cell ${fc.stringify(field)}`).toBe(false);
        expect(field === cells[i] || field === `'${cells[i]}`).toBe(true);
      });
    }, { numRuns: 1_000 });
  });
});
