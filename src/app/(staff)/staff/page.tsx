import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { getStaffOverview } from "@/server/staff/dashboard.queries";

export const metadata: Metadata = { title: "Staff overview" };

const number = new Intl.NumberFormat("en-US");

export default async function StaffHome() {
  const actor = await requirePageActor("/staff", can.readStaffArea);
  const o = await getStaffOverview(actor);
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
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Licensee organisations" value={number.format(o.licensees)} />
        <Stat label="Rightsholder organisations" value={number.format(o.rightsholders)} />
        <Stat label="Active licenses" value={number.format(o.activeGrants)} />
        <Stat label="Works in the repertoire" value={number.format(o.works)} />
      </dl>
      <h2 className="mb-3 mt-8 text-sm font-semibold uppercase tracking-wide text-slate-500">Queues</h2>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Rightsholders awaiting approval" value={number.format(o.pendingApprovals)} />
        <Stat label="Open disputes" value={number.format(o.openDisputes)} />
        <Stat label="Unmatched usage lines" value={number.format(o.unmatchedLines)} />
        <Stat label="Failed jobs" value={number.format(o.failedJobs)} />
        <Stat label="Mail in the outbox" value={number.format(o.capturedMail)} href="/staff/outbox" hint="Captured, queued or failed" />
      </dl>
    </>
  );
}
