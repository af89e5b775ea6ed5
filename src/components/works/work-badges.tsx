import { PURPOSES, PURPOSE_LABELS, type PurposeCode } from "@/lib/works/work-input";
import { Badge } from "../ui/badge";

/** An identifier as people write it: ISSNs with their hyphen (2049-3630); others as stored. */
export function displayIdentifier(identifier: { type: string; value: string }): string {
  return identifier.type === "ISSN" && identifier.value.length === 8 ? `${identifier.value.slice(0, 4)}-${identifier.value.slice(4)}` : identifier.value;
}

const shortDate = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

/** Enrolled / excluded / scheduled exclusion / suspended / merged, as one badge. */
export function WorkStatusBadge({ status, excludedFrom, today }: { status: string; excludedFrom: string | null; today: string }) {
  if (status === "SUSPENDED") return <Badge tone="red">Suspended</Badge>;
  if (status === "MERGED") return <Badge tone="neutral">Merged</Badge>;
  if (excludedFrom) {
    const isInEffect = excludedFrom <= today;
    return (
      <span className="inline-flex flex-col items-start gap-0.5">
        <Badge tone="amber">{isInEffect ? "Excluded" : "Exclusion scheduled"}</Badge>
        <span className="whitespace-nowrap text-xs text-slate-500">
          {isInEffect ? "since" : "from"} {shortDate(excludedFrom)}
        </span>
      </span>
    );
  }
  return <Badge tone="green">Enrolled</Badge>;
}

const SHORT: Record<PurposeCode, string> = { TRAIN: "Train", FINE_TUNE: "Fine-tune", RAG: "RAG" };

/** The purposes a work permits; those it does not are shown struck through, so a gap is visible. */
export function PurposeChips({ purposes }: { purposes: string[] }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      {PURPOSES.map((p) =>
        purposes.includes(p) ? (
          <span key={p} title={PURPOSE_LABELS[p]} className="purpose-on">
            {SHORT[p]}
          </span>
        ) : (
          <span key={p} title={`Not for ${PURPOSE_LABELS[p].toLowerCase()}`} className="purpose-off">
            {SHORT[p]}
          </span>
        ),
      )}
    </span>
  );
}
