import { cn } from "../ui/cn";

/** A determinate progress bar; `label` names it for screen readers. */
export function ProgressBar({ percent, label, tone = "brand", className }: { percent: number; label: string; tone?: "brand" | "green" | "red"; className?: string }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  const fill = tone === "green" ? "bg-emerald-500" : tone === "red" ? "bg-red-400" : "bg-brand-600";
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      className={cn("h-2 w-full overflow-hidden rounded-full bg-slate-200", className)}
    >
      <div className={cn("h-full rounded-full transition-[width] duration-500 ease-out", fill)} style={{ width: `${value}%` }} />
    </div>
  );
}
