import { formatDateTime } from "@/lib/dates";
import type { UserActor } from "@/server/auth/actor";
import { listOpenInvitations } from "@/server/organizations/members.queries";
import { listOrganizationMembersForStaff, type StaffOrganizationView } from "@/server/organizations/staff-organization.queries";
import { Badge } from "../ui/badge";
import { Card, CardTitle } from "../ui/card";
import { AccountBadge } from "./organization-badges";
import { MemberAdminForms } from "./member-admin-forms";
import { Pager } from "./pager";

/** Members (with ADMIN's controls), then the invitations still open. Staff never sign in as anyone. */
export async function MembersSection({ actor, view, page }: { actor: UserActor; view: StaffOrganizationView; page?: string }) {
  const organizationId = view.organization.id;
  const [members, invitations] = await Promise.all([
    listOrganizationMembersForStaff(actor, { organizationId, page }),
    listOpenInvitations(actor, organizationId),
  ]);
  const base = `/staff/organizations/${organizationId}?tab=members`;
  return (
    <div className="space-y-6">
      <Card>
        <CardTitle description={`${view.counts.members} members, ${view.counts.activeMembers} active · ${view.counts.owners} owners, ${view.counts.activeOwners} active.`}>
          Members
        </CardTitle>
        {view.counts.activeOwners === 0 && view.counts.members > 0 ? (
          <p className="mb-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">No active owner: nobody can manage this organisation&apos;s members or API keys. Make an active member an owner, or reactivate an owner.</p>
        ) : null}
        <ul className="divide-y divide-slate-100" data-testid="staff-members">
          {members.rows.map((m) => (
            <li key={m.id} className="py-3" data-testid="staff-member-row">
              <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium text-slate-900">{m.user.name}{m.user.staffRole ? <span className="text-slate-500"> (staff)</span> : null}</p>
                  <p className="truncate text-sm text-slate-600">{m.user.email}</p>
                  <p className="text-xs text-slate-500">
                    Joined {formatDateTime(m.createdAt)} · {m.user.lastSignInAt ? `last signed in ${formatDateTime(m.user.lastSignInAt)}` : "never signed in"}
                  </p>
                </div>
                <div className="flex items-center gap-2">
                  <AccountBadge isActive={m.user.isActive} />
                  <Badge tone={m.role === "OWNER" ? "brand" : "neutral"}>{m.role === "OWNER" ? "Owner" : "Member"}</Badge>
                </div>
              </div>
              {view.canAdminister ? (
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">Manage account</summary>
                  <div className="mt-3">
                    <MemberAdminForms
                      organizationId={organizationId}
                      member={{
                        membershipId: m.id, userId: m.user.id, email: m.user.email, role: m.role, isActive: m.user.isActive, isSelf: m.user.id === actor.userId,
                        isLastActiveOwner: m.role === "OWNER" && m.user.isActive && view.counts.activeOwners === 1,
                      }}
                    />
                  </div>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
        {members.rows.length === 0 ? <p className="text-sm text-slate-600">No members.</p> : null}
        <Pager page={members.page} hasNext={members.hasNext} hrefFor={(n) => `${base}&page=${n}`} />
        {!view.canAdminister ? <p className="mt-3 text-xs text-slate-500">Staff administrators change roles, deactivate accounts and send reset links; analysts read.</p> : null}
      </Card>
      <Card>
        <CardTitle description="Sent by the organisation's owners; they revoke them from their own members page.">Open invitations</CardTitle>
        {invitations.length === 0 ? <p className="text-sm text-slate-600">No invitations are waiting for an answer.</p> : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="staff-invitations">
            {invitations.map((i) => (
              <li key={i.id} className="py-2">
                <p className="font-medium text-slate-900">{i.email}</p>
                <p className="text-xs text-slate-500">{i.role === "OWNER" ? "Owner" : "Member"} · invited by {i.invitedBy.name} · expires {formatDateTime(i.expiresAt)}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
