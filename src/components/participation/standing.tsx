import Link from "next/link";
import type { ChecklistItem } from "@/lib/participation/checklist";
import { Badge } from "../ui/badge";

const STATUS = {
  DRAFT: { label: "Not submitted", tone: "neutral" },
  PENDING_APPROVAL: { label: "Waiting for review", tone: "amber" },
  APPROVED: { label: "Approved", tone: "green" },
  REJECTED: { label: "Changes requested", tone: "red" },
  SUSPENDED: { label: "Suspended", tone: "red" },
} as const;

export function ParticipationStatusBadge({ status }: { status: string }) {
  const known = STATUS[status as keyof typeof STATUS] ?? { label: status, tone: "neutral" as const };
  return <Badge tone={known.tone}>{known.label}</Badge>;
}

const ANCHORS: Record<ChecklistItem["key"], string> = { agreement: "#agreement", profile: "#profile", payout: "#payout", taxForm: "#tax-form" };

/** The four steps, done or not, each linking to its section of the participation page. */
export function ParticipationChecklist({ items, linkBase = "/rightsholder/participation" }: { items: ChecklistItem[]; linkBase?: string | null }) {
  return (
    <ol className="space-y-3">
      {items.map((item, index) => (
        <li key={item.key} className="flex gap-3">
          <span
            aria-hidden
            className={`mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${item.done ? "bg-emerald-600 text-white" : "bg-slate-200 text-slate-700"}`}
          >
            {item.done ? "✓" : index + 1}
          </span>
          <div className="text-sm">
            <p className="font-medium text-slate-900">
              {linkBase ? <Link href={`${linkBase}${ANCHORS[item.key]}`} className="hover:underline">{item.label}</Link> : item.label}
              <span className="sr-only">{item.done ? " (done)" : " (to do)"}</span>
            </p>
            <p className="text-slate-600">{item.detail}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** One line on what the status means for the rightsholder's works. */
export function statusExplanation(status: string, isComplete: boolean): string {
  switch (status) {
    case "APPROVED": return "Your works are in the licensed repertoire for the purposes you chose.";
    case "PENDING_APPROVAL": return "Staff are reviewing your participation. You can keep enrolling works; they enter the repertoire once you are approved.";
    case "REJECTED": return "Staff asked for changes. Fix what they describe and submit again.";
    case "SUSPENDED": return "Participation is suspended: your works are out of the repertoire until staff lift it.";
    default: return isComplete ? "Everything is in place: submit for review." : "Finish the steps below, then submit for review. Your works enter the repertoire once staff approve.";
  }
}
