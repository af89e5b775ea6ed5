import { cn } from "./cn";

export function Card({ className, children }: { className?: string; children: React.ReactNode }) {
  return <section className={cn("rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6", className)}>{children}</section>;
}

export function CardTitle({ children, description }: { children: React.ReactNode; description?: React.ReactNode }) {
  return (
    <header className="mb-4">
      <h2 className="text-base font-semibold text-slate-900">{children}</h2>
      {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
    </header>
  );
}
