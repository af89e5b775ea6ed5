"use client";

import { useActionState } from "react";
import { changeMemberRoleAction, removeMemberAction, revokeInvitationAction } from "@/app/_actions/members";
import { SubmitButton } from "../forms/submit-button";

function InlineError({ message }: { message?: string }) {
  return message ? (
    <p role="alert" className="mt-1 text-xs text-red-700">
      {message}
    </p>
  ) : null;
}

export function MemberRowActions({ organizationId, membershipId, role, isSelf }: { organizationId: string; membershipId: string; role: "OWNER" | "MEMBER"; isSelf: boolean }) {
  const [roleState, roleAction] = useActionState(changeMemberRoleAction, null);
  const [removeState, removeAction] = useActionState(removeMemberAction, null);
  const nextRole = role === "OWNER" ? "MEMBER" : "OWNER";
  return (
    <div className="flex flex-col items-end">
      <div className="flex flex-wrap justify-end gap-2">
        <form action={roleAction}>
          <input type="hidden" name="organizationId" value={organizationId} />
          <input type="hidden" name="membershipId" value={membershipId} />
          <input type="hidden" name="role" value={nextRole} />
          <SubmitButton variant="secondary" className="px-3 py-1 text-xs" pendingLabel="…">
            {nextRole === "OWNER" ? "Make owner" : "Make member"}
          </SubmitButton>
        </form>
        <form
          action={removeAction}
          onSubmit={(e) => {
            if (!confirm(isSelf ? "Leave this organisation?" : "Remove this member?")) e.preventDefault();
          }}
        >
          <input type="hidden" name="organizationId" value={organizationId} />
          <input type="hidden" name="membershipId" value={membershipId} />
          <SubmitButton variant="danger" className="px-3 py-1 text-xs" pendingLabel="…">
            {isSelf ? "Leave" : "Remove"}
          </SubmitButton>
        </form>
      </div>
      <InlineError message={roleState && !roleState.ok ? roleState.message : undefined} />
      <InlineError message={removeState && !removeState.ok ? removeState.message : undefined} />
    </div>
  );
}

export function RevokeInvitationButton({ organizationId, invitationId }: { organizationId: string; invitationId: string }) {
  const [state, action] = useActionState(revokeInvitationAction, null);
  return (
    <form action={action} className="flex flex-col items-end">
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton variant="ghost" className="px-3 py-1 text-xs" pendingLabel="…">
        Revoke
      </SubmitButton>
      <InlineError message={state && !state.ok ? state.message : undefined} />
    </form>
  );
}
