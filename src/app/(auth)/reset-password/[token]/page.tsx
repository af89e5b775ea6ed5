import type { Metadata } from "next";
import Link from "next/link";
import { findUsableResetToken } from "@/server/accounts/reset-password";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const usable = await findUsableResetToken(token);
  if (!usable) {
    return (
      <>
        <h1 className="text-xl font-semibold text-slate-900">This link no longer works</h1>
        <p className="mt-2 text-sm text-slate-600">
          Reset links work once, for one hour. Ask for a new one and use the latest mail.
        </p>
        <p className="mt-6 text-sm">
          <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
            Ask for a new link
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Choose a new password</h1>
      <p className="mt-1 text-sm text-slate-600">For {usable.user.email}. You will be signed out everywhere else.</p>
      <ResetPasswordForm token={token} />
    </>
  );
}
