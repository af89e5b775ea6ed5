import type { Metadata } from "next";
import { CountBars } from "@/components/staff-dashboard/count-bars";
import { QueueList } from "@/components/staff-dashboard/queue-list";
import { RevenueChart } from "@/components/staff-dashboard/revenue-chart";
import { WorksChart } from "@/components/staff-dashboard/works-chart";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { getLicensesByIndustry, getStaffOverview } from "@/server/staff/dashboard.queries";
import { getRevenueByQuarter } from "@/server/staff/revenue-by-quarter.queries";
import { getWorksEnrolled } from "@/server/staff/works-enrolled.queries";

export const metadata: Metadata = { title: "Staff overview" };

const number = new Intl.NumberFormat("en-US");

export default async function StaffHome() {
  const actor = await requirePageActor("/staff", can.readStaffArea);
  const [o, revenue, works, industries] = await Promise.all([getStaffOverview(actor), getRevenueByQuarter(actor), getWorksEnrolled(actor), getLicensesByIndustry(actor)]);
  const about = works.isEstimate ? "≈ " : "";
  return (
    <>
      <PageHeader
        title="Operator overview"
        description={
          actor.staffRole === "ADMIN"
            ? "You can read and change everything. Every change is recorded in the audit log."
            : "You can read everything and run reports; changes and money movements are for administrators."
        }
      />
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">The portal today</h2>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4" data-testid="staff-figures">
        <Stat label="Active licenses" value={number.format(o.activeGrants)} href="/staff/licenses" hint={o.upcomingGrants > 0 ? `In force today; ${number.format(o.upcomingGrants)} more start later` : "In force today"} />
        <Stat label="Licensee organisations" value={number.format(o.licensees)} />
        <Stat label="Works enrolled" value={`${about}${number.format(works.enrolled)}`} hint={works.isEstimate ? "Estimate from database statistics" : `${number.format(o.rightsholders)} rightsholder organisations`} />
        <Stat label={`Enrolled in ${works.quarter}`} value={`${about}${number.format(works.thisQuarter)}`} hint="New works this quarter" />
      </dl>
      <div className="mt-8 grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2"><RevenueChart quarters={revenue} /></div>
        <QueueList queues={o.queues} />
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2"><WorksChart months={works.months} isEstimate={works.isEstimate} /></div>
        <CountBars title="Licenses by industry" description="Licenses in force today, by the industry group each was priced for." bars={industries} emptyText="No license is in force today." />
      </div>
    </>
  );
}
