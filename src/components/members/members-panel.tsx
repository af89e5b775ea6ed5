import type { UserActor } from "@/server/auth/actor";
import { can } from "@/server/auth/policies";
import { listMembers, listOpenInvitations } from "@/server/organizations/members.queries";
import { Badge } from "../ui/badge";
import { Card, CardTitle } from "../ui/card";
import { InviteMemberForm } from "./invite-member-form";
import { MemberRowActions, RevokeInvitationButton } from "./member-row-actions";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });

/** Members, open invitations and (for owners) the tools to change them. */
export async function MembersPanel({ actor, organizationId }: { actor: UserActor; organizationId: string }) {
  const [members, invitations] = await Promise.all([listMembers(actor, organizationId), listOpenInvitations(actor, organizationId)]);
  const isOwner = can.manageMembers(actor, organizationId);
  return (
    <div className="space-y-6">
      <Card>
        <CardTitle description="Owners manage members, billing and API keys; members do the day-to-day work.">
          Members ({members.length})
        </CardTitle>
        <ul className="divide-y divide-slate-100">
          {members.map((m) => (
            <li key={m.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="truncate text-sm font-medium text-slate-900">
                  {m.user.name} {m.user.id === actor.userId ? <span className="text-slate-500">(you)</span> : null}
                </p>
                <p className="truncate text-sm text-slate-600">{m.user.email}</p>
                <p className="text-xs text-slate-500">
                  Joined {dateFormat.format(m.createdAt)}
                  {m.user.lastSignInAt ? ` · last signed in ${dateFormat.format(m.user.lastSignInAt)}` : " · never signed in"}
                </p>
              </div>
              <div className="flex items-center gap-3 sm:justify-end">
                <Badge tone={m.role === "OWNER" ? "brand" : "neutral"}>{m.role === "OWNER" ? "Owner" : "Member"}</Badge>
                {isOwner ? (
                  <MemberRowActions organizationId={organizationId} membershipId={m.id} role={m.role} isSelf={m.user.id === actor.userId} />
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </Card>
      {isOwner ? (
        <Card>
          <CardTitle description="We mail a link that works for 7 days. People without an account create one from the link.">
            Invite someone
          </CardTitle>
          <InviteMemberForm organizationId={organizationId} />
        </Card>
      ) : null}
      <Card>
        <CardTitle>Open invitations</CardTitle>
        {invitations.length === 0 ? (
          <p className="text-sm text-slate-600">No invitations are waiting for an answer.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {invitations.map((i) => (
              <li key={i.id} className="flex items-center justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium text-slate-900">{i.email}</p>
                  <p className="text-xs text-slate-500">
                    {i.role === "OWNER" ? "Owner" : "Member"} · invited by {i.invitedBy.name} · expires {dateFormat.format(i.expiresAt)}
                  </p>
                </div>
                {isOwner ? <RevokeInvitationButton organizationId={organizationId} invitationId={i.id} /> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
