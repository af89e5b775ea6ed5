import type { Metadata } from "next";
import Link from "next/link";
import { getActor } from "@/server/auth/session";
import { findOpenInvitation } from "@/server/organizations/accept-invitation";
import { AcceptInvitationForm } from "./accept-invitation-form";

export const metadata: Metadata = { title: "Join an organisation" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, actor] = await Promise.all([findOpenInvitation(token), getActor()]);
  if (!invitation) {
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">This invitation no longer works</h1>
        <p className="mt-2 text-sm text-slate-600">It was used, revoked, or is more than 7 days old. Ask the person who invited you for a new one.</p>
      </>
    );
  }
  const kind = invitation.organization.kind === "LICENSEE" ? "licensee" : "rightsholder";
  const signedInAsOther = actor && actor.email !== invitation.email;
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Join {invitation.organization.name}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {invitation.invitedBy.name} invited <strong>{invitation.email}</strong> to this {kind} organisation as{" "}
        {invitation.role === "OWNER" ? "an owner" : "a member"}.
      </p>
      {signedInAsOther ? (
        <p role="alert" className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          You are signed in as {actor.email}. Sign out and sign in as {invitation.email} to accept.
        </p>
      ) : invitation.hasAccount && !actor ? (
        <p className="mt-4 text-sm text-slate-700">
          This email already has an account.{" "}
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`} className="font-medium text-brand-700 hover:underline">
            Sign in to accept
          </Link>
        </p>
      ) : (
        <AcceptInvitationForm token={token} needsAccount={!actor} email={invitation.email} />
      )}
    </>
  );
}
