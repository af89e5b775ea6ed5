import Link from "next/link";
import { Logo } from "@/components/shell/logo";

export default function NotFound() {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center gap-6 px-4 text-center">
      <Logo />
      <div>
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">We could not find that page</h1>
        <p className="mt-2 text-sm text-slate-600">The link may be old, or the item may belong to another organisation.</p>
      </div>
      <Link href="/home" className="text-sm font-semibold text-brand-700 hover:underline">
        Go to your home page
      </Link>
    </div>
  );
}
