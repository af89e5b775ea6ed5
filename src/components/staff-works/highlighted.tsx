import type { Segment } from "@/server/repertoire/staff-work-highlight";

/** Text with the searched words marked; every piece is rendered as text, never as HTML. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.isMatch ? (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-inherit">{s.text}</mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
