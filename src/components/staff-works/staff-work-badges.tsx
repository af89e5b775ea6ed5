import Link from "next/link";
import { Badge } from "../ui/badge";

/** Enrolled / suspended / merged (into which work), for staff. */
export function StaffWorkStatus({ status, mergedIntoId }: { status: string; mergedIntoId: number | null }) {
  if (status === "SUSPENDED") return <Badge tone="red">Suspended</Badge>;
  if (status === "MERGED") {
    return (
      <span className="inline-flex flex-col items-start gap-0.5">
        <Badge>Merged</Badge>
        {mergedIntoId ? <Link href={`/staff/works/${mergedIntoId}`} className="whitespace-nowrap text-xs text-brand-700 hover:underline">into #{mergedIntoId}</Link> : null}
      </span>
    );
  }
  return <Badge tone="green">Enrolled</Badge>;
}

const MATCHED: Record<string, string> = { identifier: "Identifier", title: "Exact title" };

/** Why a result is on the page, when it is not simply its words. */
export function MatchedBy({ matchedBy }: { matchedBy: string | null }) {
  return matchedBy && MATCHED[matchedBy] ? <Badge tone="brand">{MATCHED[matchedBy]}</Badge> : null;
}
