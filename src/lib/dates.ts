// Calendar days (YYYY-MM-DD, UTC) as people read them: "1 December 2026". One formatter, so every
// page, mail and document writes dates the same way.
const LONG_DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function formatDay(iso: string): string {
  return LONG_DAY.format(new Date(`${iso}T00:00:00Z`));
}

const SHORT_DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short",
});

/** A moment as people read it in lists: "1 Dec 2026, 07:50 UTC". */
export function formatDateTime(at: Date): string {
  return SHORT_DATE_TIME.format(at);
}
