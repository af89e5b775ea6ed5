import Link from "next/link";

export function Stat({ label, value, href, hint }: { label: string; value: React.ReactNode; href?: string; hint?: string }) {
  const body = (
    <>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
      {hint ? <dd className="mt-1 text-xs text-slate-500">{hint}</dd> : null}
    </>
  );
  const classes = "block rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200";
  return href ? (
    <Link href={href} className={`${classes} hover:ring-brand-500`}>
      {body}
    </Link>
  ) : (
    <div className={classes}>{body}</div>
  );
}
