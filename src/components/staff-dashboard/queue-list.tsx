import Link from "next/link";
import { Badge } from "../ui/badge";
import { Card, CardTitle } from "../ui/card";

export type Queue = { key: string; label: string; count: number; href: string; hint?: string };

const number = new Intl.NumberFormat("en-US");

/** What waits for someone, each with a link into the page that works it. */
export function QueueList({ queues }: { queues: Queue[] }) {
  return (
    <Card>
      <CardTitle description="What waits for someone. Each opens the page where it is worked.">Queues</CardTitle>
      <ul className="divide-y divide-slate-100" data-testid="staff-queues">
        {queues.map((q) => (
          <li key={q.key}>
            <Link href={q.href} className="flex items-center justify-between gap-3 py-2.5 text-sm hover:bg-slate-50" aria-label={`${q.label}: ${number.format(q.count)}`}>
              <span>
                <span className="block font-medium text-slate-900">{q.label}</span>
                {q.hint ? <span className="block text-xs text-slate-500">{q.hint}</span> : null}
              </span>
              <Badge tone={q.count === 0 ? "neutral" : q.key === "jobs" || q.key === "mail" ? "red" : "amber"}>{number.format(q.count)}</Badge>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
