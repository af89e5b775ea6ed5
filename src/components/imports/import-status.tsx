import { Badge } from "../ui/badge";

export type ImportStatusValue = "UPLOADING" | "QUEUED" | "PROCESSING" | "COMPLETED" | "FAILED";

const STATUS = {
  UPLOADING: { tone: "neutral", label: "Uploading" },
  QUEUED: { tone: "neutral", label: "Waiting to start" },
  PROCESSING: { tone: "brand", label: "Importing" },
  COMPLETED: { tone: "green", label: "Done" },
  FAILED: { tone: "red", label: "Stopped" },
} as const;

export function ImportStatusBadge({ status }: { status: ImportStatusValue }) {
  const { tone, label } = STATUS[status];
  return <Badge tone={tone}>{label}</Badge>;
}

export function formatCount(value: number): string {
  return value.toLocaleString("en-GB");
}

export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** "2 s", "3 min 20 s", "1 h 5 min". */
export function formatDuration(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
  return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ""}`;
}
