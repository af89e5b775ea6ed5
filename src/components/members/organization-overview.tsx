import Link from "next/link";
import type { UserActor } from "@/server/auth/actor";
import { getOrganizationSummary } from "@/server/organizations/members.queries";
import { Badge } from "../ui/badge";
import { Card, CardTitle } from "../ui/card";
import { Stat } from "../ui/stat";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });

/** The organisation card shared by the licensee and rightsholder home pages. */
export async function OrganizationOverview({ actor, organizationId, basePath }: { actor: UserActor; organizationId: string; basePath: string }) {
  const organization = await getOrganizationSummary(actor, organizationId);
  const membership = actor.memberships.find((m) => m.organizationId === organizationId);
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <Card className="sm:col-span-2">
        <CardTitle>{organization.name}</CardTitle>
        <dl className="grid grid-cols-2 gap-4 text-sm">
          <div>
            <dt className="text-slate-500">Kind</dt>
            <dd className="font-medium">{organization.kind === "LICENSEE" ? "Licensee" : "Rightsholder"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Your role</dt>
            <dd>
              <Badge tone="brand">{membership?.role === "OWNER" ? "Owner" : "Member"}</Badge>
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">On the portal since</dt>
            <dd className="font-medium">{dateFormat.format(organization.createdAt)}</dd>
          </div>
        </dl>
      </Card>
      <Stat label="Members" value={organization._count.memberships} href={`${basePath}/members`} hint="Manage who has access" />
      {membership?.role === "OWNER" && organization._count.memberships === 1 ? (
        <p className="text-sm text-slate-600 sm:col-span-3">
          You are the only person here.{" "}
          <Link href={`${basePath}/members`} className="font-medium text-brand-700 hover:underline">
            Invite a colleague
          </Link>{" "}
          so the work does not depend on one account.
        </p>
      ) : null}
    </div>
  );
}
