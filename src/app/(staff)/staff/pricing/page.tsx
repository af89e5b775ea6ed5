import type { Metadata } from "next";
import Link from "next/link";
import { createPriceScheduleAction, withdrawPriceScheduleAction } from "@/app/_actions/pricing";
import { ActionButton } from "@/components/forms/action-button";
import { PriceTable } from "@/components/pricing/price-table";
import { percent } from "@/components/pricing/quote-summary";
import { ScheduleForm, type ScheduleFormValues } from "@/components/pricing/schedule-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { INDUSTRY_GROUPS, type IndustryGroupCode, type PriceScheduleTerms } from "@/lib/pricing/price-license";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { listPriceSchedules } from "@/server/pricing/price-schedules.queries";
import { formatDay } from "@/lib/dates";

export const metadata: Metadata = { title: "Pricing" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const dollars = (cents: bigint) => `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;

/** The form starts from the schedule in force, so a change of one rate is one edit. */
function formValuesFrom(schedule: PriceScheduleTerms | null): ScheduleFormValues {
  const rates = Object.fromEntries(INDUSTRY_GROUPS.map((g) => {
    const rate = schedule?.industryRates.find((r) => r.industryGroup === g);
    return [g, rate ? dollars(rate.perEmployeeCents) : ""];
  })) as Record<IndustryGroupCode, string>;
  return {
    effectiveFrom: "",
    smallOrgMaxEmployees: String(schedule?.smallOrgMaxEmployees ?? 0),
    bands: (schedule?.flatBands ?? []).map((b) => ({ maxEmployees: String(b.maxEmployees), fee: dollars(b.feeCents) })),
    rates,
    factors: (schedule?.countryFactors ?? [{ country: "*", factorBps: 10_000 }]).map((f) => ({ country: f.country, percent: percent(f.factorBps).replace(/\s%$/, "") })),
  };
}

export default async function StaffPricingPage() {
  const actor = await requirePageActor("/staff/pricing", can.readStaffArea);
  const { plan, schedules, inForceId, today } = await listPriceSchedules(actor);
  const isAdmin = can.administer(actor);
  const inForce = schedules.find((s) => s.id === inForceId) ?? null;

  return (
    <>
      <PageHeader
        title="Pricing"
        description={`${plan.name} (${plan.code}), ${plan.termMonths}-month term. A schedule applies from its first day until the next one starts; a license keeps the price it was bought at.`}
        actions={<Link href="/pricing" className="text-sm font-medium text-brand-700 hover:underline">Public price list →</Link>}
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="space-y-6">
          {schedules.length === 0 ? (
            <Card><p className="text-sm text-slate-600">No price schedule yet: the license can&apos;t be bought until one is published.</p></Card>
          ) : null}
          {schedules.map((schedule) => {
            const status = schedule.id === inForceId ? "in-force" : schedule.effectiveFrom > today ? "scheduled" : "past";
            return (
              <Card key={schedule.id}>
                <div className="mb-4 flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <h2 className="text-base font-semibold text-slate-900">From {formatDay(schedule.effectiveFrom)}</h2>
                    <p className="mt-0.5 text-xs text-slate-500">
                      Published {when.format(schedule.createdAt)} UTC{schedule.createdByName ? ` by ${schedule.createdByName}` : " with the first data"}
                    </p>
                  </div>
                  <Badge tone={status === "in-force" ? "green" : status === "scheduled" ? "amber" : "neutral"}>
                    {status === "in-force" ? "In force" : status === "scheduled" ? "Scheduled" : "Past"}
                  </Badge>
                </div>
                <PriceTable schedule={schedule} />
                {isAdmin && status === "scheduled" ? (
                  <div className="mt-5 border-t border-slate-100 pt-4">
                    <ActionButton action={withdrawPriceScheduleAction} fields={{ scheduleId: schedule.id }} label="Withdraw this schedule" pendingLabel="Withdrawing…" variant="danger" />
                  </div>
                ) : null}
              </Card>
            );
          })}
        </div>
        {isAdmin ? (
          <Card className="self-start">
            <CardTitle description="Starts from the prices in force. Licenses already bought keep their price.">Publish new prices</CardTitle>
            <ScheduleForm action={createPriceScheduleAction} initial={formValuesFrom(inForce)} earliestDay={today} />
          </Card>
        ) : (
          <Card className="self-start">
            <CardTitle>Changing prices</CardTitle>
            <p className="text-sm text-slate-600">Staff administrators publish new price schedules. Analysts read them.</p>
          </Card>
        )}
      </div>
    </>
  );
}
