import { describe, expect, it } from "vitest";
import { nextCronTime, parseCron } from "@/server/jobs/cron";

const at = (iso: string) => new Date(iso);

describe("nextCronTime", () => {
  it.each([
    ["* * * * *", "2026-11-23T10:15:30Z", "2026-11-23T10:16:00Z"],
    ["0 2 * * *", "2026-11-23T10:15:00Z", "2026-11-24T02:00:00Z"],
    ["0 2 * * *", "2026-11-23T01:59:00Z", "2026-11-23T02:00:00Z"],
    ["*/15 * * * *", "2026-11-23T10:15:00Z", "2026-11-23T10:30:00Z"],
    ["0 6 15 1,4,7,10 *", "2026-11-23T00:00:00Z", "2027-01-15T06:00:00Z"],
    ["30 9 * * 1-5", "2026-11-28T12:00:00Z", "2026-11-30T09:30:00Z"],
    ["0 0 29 2 *", "2026-03-01T00:00:00Z", "2028-02-29T00:00:00Z"],
    ["59 23 31 12 *", "2026-12-31T23:59:00Z", "2027-12-31T23:59:00Z"],
  ])("%s after %s is %s", (expression, after, expected) => {
    expect(nextCronTime(expression, at(after)).toISOString()).toBe(at(expected).toISOString());
  });

  it("matches either day field when both are restricted, as cron does", () => {
    // The 1st of the month, or any Monday.
    expect(nextCronTime("0 0 1 * 1", at("2026-11-24T00:00:00Z")).toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });

  it.each(["* * * *", "61 * * * *", "* * 0 * *", "a * * * *", "5-1 * * * *", "*/0 * * * *"])("refuses %s", (expression) => {
    expect(() => parseCron(expression)).toThrow(/cron/i);
  });

  it("refuses a schedule that never matches", () => {
    expect(() => nextCronTime("0 0 31 2 *", at("2026-01-01T00:00:00Z"))).toThrow(/never matches/);
  });
});
