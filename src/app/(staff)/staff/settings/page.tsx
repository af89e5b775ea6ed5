import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PlanForm } from "@/components/staff-settings/plan-form";
import { SettingCard } from "@/components/staff-settings/setting-card";
import { formatDay } from "@/lib/dates";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { getSettingsOverview, listPlansForSettings } from "@/server/settings/settings.queries";

export const metadata: Metadata = { title: "Settings" };

export default async function StaffSettingsPage() {
  const actor = await requirePageActor("/staff/settings", can.readStaffArea);
  const isAdmin = can.administer(actor);
  const [{ today, settings }, plans] = await Promise.all([getSettingsOverview(actor), listPlansForSettings(actor)]);
  return (
    <>
      <PageHeader
        title="Settings"
        description="The operator's settings, effective-dated. A new value applies from its first day, today at the earliest, and is never edited afterwards. A distribution run uses the values in force on its quarter's last day, and an approved run keeps the values it was calculated with."
        actions={<Link href="/staff/audit?entityType=Setting" className="text-sm font-medium text-brand-700 hover:underline">Changes in the audit log →</Link>}
      />
      {!isAdmin ? <p className="mb-4 text-sm text-slate-600">Settings are changed by staff administrators; analysts read them.</p> : null}

      <Card className="mb-6">
        <table className="w-full text-left text-sm" data-testid="settings-summary">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr><th className="pb-2 font-medium">Setting</th><th className="pb-2 font-medium">In force</th><th className="hidden pb-2 font-medium sm:table-cell">Scheduled</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {settings.map((s) => (
              <tr key={s.key}>
                <td className="py-2"><a href={`#${s.key}`} className="font-medium text-brand-700 hover:underline">{s.definition.label}</a></td>
                <td className="py-2 tabular-nums text-slate-900">{s.inForce.display}</td>
                <td className="hidden py-2 text-slate-600 sm:table-cell">
                  {s.scheduled.length === 0 ? "—" : s.scheduled.map((r) => <span key={r.id} className="mr-2"><Badge tone="amber">{r.display}</Badge> from {formatDay(r.effectiveFrom)}</span>)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>

      <div className="space-y-6">
        {settings.map((setting) => (
          <div key={setting.key} id={setting.key} className="scroll-mt-24">
            <SettingCard setting={setting} today={today} isAdmin={isAdmin} />
          </div>
        ))}

        <Card>
          <CardTitle description="What the license is called and says. Its prices are effective-dated schedules, published and withdrawn on the pricing page.">Plans and price schedule</CardTitle>
          <p className="mb-4 text-sm"><Link href="/staff/pricing" className="font-medium text-brand-700 hover:underline">Price schedules →</Link></p>
          {plans.length === 0 ? <p className="text-sm text-slate-600">No plan exists yet.</p> : (
            <ul className="divide-y divide-slate-100">
              {plans.map((plan) => (
                <li key={plan.id} className="py-3" data-testid="plan">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold text-slate-900">{plan.name}</span>
                    <span className="font-mono text-xs text-slate-500">{plan.code}</span>
                    <Badge tone={plan.isActive ? "green" : "neutral"}>{plan.isActive ? "Active" : "Inactive"}</Badge>
                  </div>
                  <p className="mt-1 text-sm text-slate-600">{plan.description || "No description: the terms page uses a standard sentence."}</p>
                  <p className="mt-1 text-xs text-slate-500">{plan.termMonths}-month term · {plan._count.schedules} price schedule{plan._count.schedules === 1 ? "" : "s"} · {plan._count.grants} license{plan._count.grants === 1 ? "" : "s"} · <Link href={`/staff/audit?entityType=Plan&entityId=${plan.id}`} className="text-brand-700 hover:underline">changes</Link></p>
                  {isAdmin ? <PlanForm plan={plan} /> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
