"use client";

import { useActionState, useId } from "react";
import {
  staffChangeMemberRoleAction, staffDeactivateUserAction, staffReactivateUserAction, staffSendPasswordResetAction,
} from "@/app/_actions/staff-organizations";
import { FormAlert } from "../forms/form-alert";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** One ADMIN action on a member: hidden ids, a reason (required, audited), a button. */
function ReasonForm({ action, fields, title, hint, submitLabel, testId, variant = "secondary", askToLeaveWithoutOwner = false }: {
  action: Action; fields: Record<string, string>; title: string; hint: string; submitLabel: string; testId: string;
  variant?: "primary" | "secondary" | "danger"; askToLeaveWithoutOwner?: boolean;
}) {
  const [state, formAction] = useActionState(action, null);
  const id = useId();
  const reasonErrors = state?.fieldErrors?.reason;
  const ownerErrors = state?.fieldErrors?.leaveWithoutActiveOwner;
  return (
    <form action={formAction} data-testid={testId} className="space-y-2 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <p className="text-sm font-medium text-slate-900">{title}</p>
      <p className="text-xs text-slate-600">{hint}</p>
      <label htmlFor={`${id}-reason`} className="block text-xs font-medium text-slate-700">Reason (kept in the audit log)</label>
      <textarea
        id={`${id}-reason`}
        name="reason"
        rows={2}
        defaultValue={state?.ok ? "" : (state?.values?.reason ?? "")}
        aria-invalid={reasonErrors?.length ? true : undefined}
        className="block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500"
      />
      {reasonErrors?.length ? <p className="text-xs text-red-700">{reasonErrors.join(" ")}</p> : null}
      {askToLeaveWithoutOwner || ownerErrors?.length ? (
        <label className="flex items-start gap-2 text-xs text-amber-900">
          <input type="checkbox" name="leaveWithoutActiveOwner" value="true" className="mt-0.5" />
          <span>This is the organisation&apos;s last active owner: deactivate anyway, leaving nobody who can manage its members and API keys.</span>
        </label>
      ) : null}
      <FormAlert state={state} />
      <SubmitButton variant={variant} className="px-3 py-1.5 text-xs" pendingLabel="Working…">{submitLabel}</SubmitButton>
    </form>
  );
}

export type ManagedMember = { membershipId: string; userId: string; email: string; role: "OWNER" | "MEMBER"; isActive: boolean; isLastActiveOwner: boolean; isSelf: boolean };

/** ADMIN's controls for one member. Staff act on the account; they never sign in as the person. */
export function MemberAdminForms({ organizationId, member }: { organizationId: string; member: ManagedMember }) {
  const ids = { organizationId, userId: member.userId };
  const nextRole = member.role === "OWNER" ? "MEMBER" : "OWNER";
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <ReasonForm
        action={staffChangeMemberRoleAction}
        fields={{ organizationId, membershipId: member.membershipId, role: nextRole }}
        title={nextRole === "OWNER" ? "Make owner" : "Make member"}
        hint="Their sessions end so the new role applies at once. The organisation keeps at least one owner."
        submitLabel={nextRole === "OWNER" ? "Make owner" : "Make member"}
        testId="staff-role-form"
      />
      {member.isActive ? (
        <ReasonForm
          action={staffSendPasswordResetAction}
          fields={ids}
          title="Send a password reset link"
          hint={`Mails ${member.email} the one-hour link of the forgot-password page. Staff never set the password.`}
          submitLabel="Send reset link"
          testId="staff-reset-form"
        />
      ) : null}
      {member.isSelf ? (
        <p className="text-xs text-slate-600">This is your own account: another administrator deactivates it.</p>
      ) : member.isActive ? (
        // Keyed: once the account changes, the other form starts empty (the row's badge tells the outcome).
        <ReasonForm
          key="deactivate"
          action={staffDeactivateUserAction}
          fields={ids}
          title="Deactivate account"
          hint="Ends every session at once and blocks sign-in, in every organisation this person belongs to."
          submitLabel="Deactivate"
          testId="staff-deactivate-form"
          variant="danger"
          askToLeaveWithoutOwner={member.isLastActiveOwner}
        />
      ) : (
        <ReasonForm
          key="reactivate"
          action={staffReactivateUserAction}
          fields={ids}
          title="Reactivate account"
          hint="The person can sign in again; sessions from before stay ended."
          submitLabel="Reactivate"
          testId="staff-reactivate-form"
        />
      )}
    </div>
  );
}
