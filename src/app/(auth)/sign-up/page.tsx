import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getActor } from "@/server/auth/session";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  if (await getActor()) redirect("/home");
  const { kind } = await searchParams;
  return (
    <>
      <h1 className="text-xl font-semibold text-slate-900">Create an account</h1>
      <p className="mt-1 text-sm text-slate-600">
        One account per person. You become the owner of your organisation and can invite colleagues later.
      </p>
      <SignUpForm defaultKind={kind === "RIGHTSHOLDER" ? "RIGHTSHOLDER" : kind === "LICENSEE" ? "LICENSEE" : undefined} />
      <p className="mt-6 text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
