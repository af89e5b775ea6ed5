import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/server/auth/page-guards";
import { ChangePasswordForm, ProfileForm } from "./account-forms";

export const metadata: Metadata = { title: "Account settings" };

export default async function AccountPage() {
  const actor = await requirePageActor("/account");
  return (
    <>
      <PageHeader title="Account settings" description="Your own sign-in details. Organisation settings are in each organisation's pages." />
      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <CardTitle>Profile</CardTitle>
          <ProfileForm name={actor.name} email={actor.email} />
        </Card>
        <Card>
          <CardTitle description="Changing it signs you out on every device.">Password</CardTitle>
          <ChangePasswordForm />
        </Card>
        <Card className="xl:col-span-2">
          <CardTitle>Your roles</CardTitle>
          <ul className="divide-y divide-slate-100 text-sm">
            {actor.staffRole ? (
              <li className="flex items-center justify-between py-2">
                <span>Operator staff</span>
                <Badge tone="brand">{actor.staffRole}</Badge>
              </li>
            ) : null}
            {actor.memberships.map((m) => (
              <li key={m.organizationId} className="flex items-center justify-between py-2">
                <span>
                  {m.organizationName} <span className="text-slate-500">· {m.kind === "LICENSEE" ? "licensee" : "rightsholder"}</span>
                </span>
                <Badge>{m.role}</Badge>
              </li>
            ))}
            {!actor.staffRole && actor.memberships.length === 0 ? (
              <li className="py-2 text-slate-600">You do not belong to any organisation. Ask an owner to invite you.</li>
            ) : null}
          </ul>
        </Card>
      </div>
    </>
  );
}
