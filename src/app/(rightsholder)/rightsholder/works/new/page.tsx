import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { WorkForm } from "@/components/works/work-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { currentMembership } from "@/server/auth/current-organization";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";

export const metadata: Metadata = { title: "New work" };

export default async function NewWorkPage() {
  const actor = await requirePageActor("/rightsholder/works/new", can.useRightsholderArea);
  const membership = currentMembership(actor, "RIGHTSHOLDER");
  if (!membership || !can.manageWorks(actor, membership.organizationId)) notFound();
  return (
    <>
      <nav className="mb-2 text-sm">
        <Link href="/rightsholder/works" className="text-slate-600 hover:text-slate-900 hover:underline">
          ← Works
        </Link>
      </nav>
      <PageHeader
        title="Enroll a work"
        description={
          <>
            One work at a time. For a whole catalogue,{" "}
            <Link href="/rightsholder/imports" className="font-medium text-brand-700 hover:underline">
              import a CSV or ONIX file
            </Link>{" "}
            instead.
          </>
        }
      />
      <Card className="max-w-3xl">
        <WorkForm mode="create" organizationId={membership.organizationId} />
      </Card>
    </>
  );
}
