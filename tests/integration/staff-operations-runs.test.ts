// A settings change never rewrites an approved run. The use case refuses any day inside a quarter
// that has ended; and even a row written straight into the table for the run's own quarter (the
// worst case, past every form) leaves the approved run's snapshot and figures as they were, and
// recalculating it is refused. The row is then undone for later quarters by a second row, so only
// this test's own quarter ever sees it (every file shares the database).
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { calculateDistributionRun } from "@/server/distribution/calculate-distribution-run";
import { recalculateDistributionRun } from "@/server/distribution/recalculate-distribution-run";
import { runSettingsFor } from "@/server/distribution/run-settings";
import { isAppError } from "@/server/errors";
import { addSettingValue } from "@/server/settings/add-setting-value";
import { settingInForce } from "@/server/settings/settings-in-force";
import { createOrganization, createStaffActor } from "../factories";
import { calculatedRun, createEligibleUsage, createPaidGrant, createPayee, markApproved, uniquePastQuarter } from "../factories/distribution";
import { createWork } from "../factories/works";

const daysIn = (q: { startsOn: string; endsOn: string }) => (Date.parse(q.endsOn) - Date.parse(q.startsOn)) / 86_400_000;

/** Everything a run's figures are: the run row, its allocations, statements and payouts. */
async function figuresOf(runId: string) {
  const run = await db.distributionRun.findUniqueOrThrow({ where: { id: runId } });
  const [allocations, statements, payouts] = await Promise.all([
    db.allocation.findMany({ where: { runId }, orderBy: { id: "asc" } }),
    db.statement.findMany({ where: { runId }, orderBy: { id: "asc" }, include: { lines: { orderBy: { id: "asc" } } } }),
    db.payout.findMany({ where: { runId }, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ run, allocations, statements, payouts }, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

describe("an approved run and later settings", () => {
  it("keeps its snapshot and figures after a settings change and a recalculation attempt", async () => {
    const admin = await createStaffActor("ADMIN");
    const quarter = await uniquePastQuarter();
    const payee = await createPayee({ taxForm: "none" });
    const work = await createWork(payee.id);
    const licensee = await createOrganization("LICENSEE");
    await createPaidGrant(licensee.id, { startsOn: quarter.startsOn, termDays: daysIn(quarter), feeCents: 400_000n });
    await createEligibleUsage(licensee.id, quarter.code, [{ workId: work.id, units: 10n }]);
    const calculated = await calculatedRun(quarter);
    await markApproved(calculated.id);
    const approved = await figuresOf(calculated.id);
    const snapshot = (await db.distributionRun.findUniqueOrThrow({ where: { id: calculated.id } })).settingsSnapshot as Record<string, unknown>;
    const feeBefore = Number(snapshot.adminFeeBps);
    expect(calculated.adminFeeCents).toBe((400_000n * BigInt(feeBefore)) / 10_000n);

    // Through the use case: no day inside the quarter (it has ended) is accepted.
    const inside = await addSettingValue(admin, { key: "distribution.adminFeeBps", value: "40", effectiveFrom: quarter.startsOn, reason: "Trying to reach an old quarter" }).catch((e: unknown) => e);
    expect(isAppError(inside) && inside.fieldErrors?.effectiveFrom?.[0]).toMatch(/^Settings never change for the past/);

    // Past every form: rows for the quarter's last weeks (fee 40 %, withholding 50 %), undone from the next quarter on.
    const from = new Date(Date.parse(`${quarter.startsOn}T00:00:00Z`) + 20 * 86_400_000);
    const next = new Date(`${quarter.endsOn}T00:00:00Z`);
    for (const [key, value] of [["distribution.adminFeeBps", 4000], ["tax.domesticWithholdingBps", 5000]] as const) {
      const restore = await settingInForce(key, next);
      await db.setting.createMany({ data: [
        { key, value, effectiveFrom: from, reason: "Written by hand into a closed quarter" },
        { key, value: restore, effectiveFrom: next, reason: "Undone for the quarters after" },
      ] });
    }
    // The rows do reach the quarter's settings: a run calculated now would use them.
    expect((await runSettingsFor(quarter)).adminFeeBps).toBe(4000);

    const recalculation = await recalculateDistributionRun(admin, { runId: calculated.id }).catch((e: unknown) => e);
    expect(isAppError(recalculation) && [recalculation.code, recalculation.message]).toEqual(["CONFLICT", "This run is approved: approved runs never change."]);
    expect(await calculateDistributionRun(calculated.id)).toBe(false);
    expect(await db.job.count({ where: { name: "distribution.calculate", singletonKey: { contains: calculated.id }, status: "QUEUED" } })).toBe(0);

    expect(await figuresOf(calculated.id)).toBe(approved);
    const after = await db.distributionRun.findUniqueOrThrow({ where: { id: calculated.id } });
    expect(after.settingsSnapshot).toEqual(snapshot);
    expect(after.status).toBe("APPROVED");
  });
});
