import Link from "next/link";
import { Logo } from "@/components/shell/logo";

export default function Forbidden() {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center gap-6 px-4 text-center">
      <Logo />
      <div>
        <p className="text-sm font-semibold text-brand-700">403</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">This page is not part of your account</h1>
        <p className="mt-2 max-w-md text-sm text-slate-600">
          You are signed in, but your role does not give access to this page. If you think it should, ask your organisation&apos;s owner.
        </p>
      </div>
      <Link href="/home" className="text-sm font-semibold text-brand-700 hover:underline">
        Go to your home page
      </Link>
    </div>
  );
}
