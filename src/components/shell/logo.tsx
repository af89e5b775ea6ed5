import Link from "next/link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 font-semibold tracking-tight text-slate-900">
      <svg viewBox="0 0 32 32" className="size-7" aria-hidden>
        <rect width="32" height="32" rx="8" className="fill-brand-600" />
        <path d="M9 20.5c2.5-6 11.5-6 14-9M9 14c3-2 7-2 9 0" stroke="white" strokeWidth="2.4" fill="none" strokeLinecap="round" />
      </svg>
      <span>Clearway</span>
    </Link>
  );
}
