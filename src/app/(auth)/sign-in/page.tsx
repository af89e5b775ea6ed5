import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getActor } from "@/server/auth/session";
import { STAFF_SESSION_LIMITS } from "@/server/auth/staff-session-lifetime";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

/** Why a staff session ended (requirePageActor adds ?ended=), in words. */
const SESSION_ENDED: Record<string, string> = {
  idle: `Your session ended after ${STAFF_SESSION_LIMITS.idleSeconds / 60} minutes without activity. Sign in again to continue.`,
  absolute: `Your session ended ${STAFF_SESSION_LIMITS.absoluteSeconds / 3600} hours after you signed in. Sign in again to continue.`,
};

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeReturnPath(value: string | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/home";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  if (await getActor()) redirect(returnTo);
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Sign in</h1>
      <p className="mt-1 text-sm text-slate-600">Licensees, rightsholders and staff all sign in here.</p>
      {params.ended && SESSION_ENDED[params.ended] ? (
        <p role="status" data-testid="session-ended" className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          {SESSION_ENDED[params.ended]}
        </p>
      ) : null}
      {params.signedOut ? (
        <p role="status" className="mt-4 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200">
          You are signed out.
        </p>
      ) : null}
      {params.reset ? (
        <p role="status" className="mt-4 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          Your password was changed. Sign in with the new one.
        </p>
      ) : null}
      <SignInForm returnTo={returnTo} />
      <div className="mt-6 flex justify-between text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
          Forgot your password?
        </Link>
        <Link href="/sign-up" className="font-medium text-brand-700 hover:underline">
          Create an account
        </Link>
      </div>
    </>
  );
}
