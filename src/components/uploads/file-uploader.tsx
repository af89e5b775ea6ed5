"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { formatFileSize } from "../imports/import-status";
import { ProgressBar } from "../imports/progress-bar";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";

type UploadState =
  | { phase: "idle" }
  | { phase: "uploading"; sent: number; total: number }
  | { phase: "starting" }
  | { phase: "failed"; message: string; canRetry?: boolean };

const NOT_TEXT = /\.(xlsx|xlsm|xls|numbers|ods|zip|gz|pdf|docx?)$/i;

export type FileUploaderProps = {
  /** Where the raw body is POSTed (query parameters included). */
  endpoint: string;
  maxBytes: number;
  /** The key of the created thing in the 201 answer, and the page its id is appended to. */
  resultKey: string;
  redirectTo: string;
  /** For the file input and the drop zone. */
  inputLabel: string;
  accept: string;
  formats: string;
  /** Said when a spreadsheet or archive is chosen. */
  wrongKindMessage: string;
  buttonLabel: string;
  startingText: string;
};

/**
 * Choose or drop a file and upload it as the raw request body (XMLHttpRequest, for the upload
 * progress). The server streams it to storage and starts a job; then the job's own page shows how
 * it goes. Used by works imports and bulk coverage checks.
 */
export function FileUploader({ endpoint, maxBytes, resultKey, redirectTo, inputLabel, accept, formats, wrongKindMessage, buttonLabel, startingText }: FileUploaderProps) {
  const router = useRouter();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const request = useRef<XMLHttpRequest | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [isDragging, setDragging] = useState(false);
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const isBusy = state.phase === "uploading" || state.phase === "starting";

  function choose(chosen: File | null | undefined) {
    if (!chosen || isBusy) return;
    setFile(chosen);
    if (chosen.size === 0) setState({ phase: "failed", message: `"${chosen.name}" is empty.` });
    else if (chosen.size > maxBytes) setState({ phase: "failed", message: `"${chosen.name}" is ${formatFileSize(chosen.size)}; files up to ${formatFileSize(maxBytes)} are accepted. Split it into smaller files.` });
    else if (NOT_TEXT.test(chosen.name)) setState({ phase: "failed", message: `"${chosen.name}" ${wrongKindMessage}` });
    else setState({ phase: "idle" });
  }

  function upload() {
    if (!file || isBusy) return;
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open("POST", endpoint);
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) setState({ phase: "uploading", sent: event.loaded, total: event.total });
    };
    xhr.upload.onload = () => setState({ phase: "starting" });
    xhr.onload = () => {
      request.current = null;
      const body = xhr.response as (Record<string, { id?: string } | undefined> & { error?: { message: string } }) | null;
      const created = body?.[resultKey];
      if (xhr.status === 201 && created?.id) {
        router.push(`${redirectTo}/${created.id}`);
        return;
      }
      const message = body?.error?.message ?? (xhr.status === 413 ? `The file is larger than ${formatFileSize(maxBytes)}.` : "The upload failed. Please try again.");
      setState({ phase: "failed", message, canRetry: xhr.status >= 500 });
    };
    xhr.onerror = () => {
      request.current = null;
      setState({ phase: "failed", message: "The connection dropped during the upload. Check your network and try again.", canRetry: true });
    };
    xhr.onabort = () => {
      request.current = null;
      setState({ phase: "idle" });
    };
    setState({ phase: "uploading", sent: 0, total: file.size });
    xhr.send(file);
  }

  const percent = state.phase === "uploading" && state.total > 0 ? (state.sent * 100) / state.total : state.phase === "starting" ? 100 : 0;
  return (
    <div className="space-y-4">
      <label
        htmlFor={inputId}
        onDragOver={(event) => {
          event.preventDefault();
          if (!isBusy) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          choose(event.dataTransfer.files[0]);
        }}
        className={cn(
          "flex cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed px-6 py-8 text-center transition-colors",
          isDragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-slate-50 hover:border-brand-500 hover:bg-brand-50/50",
          isBusy && "pointer-events-none opacity-60",
        )}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-8 text-brand-600" fill="none" stroke="currentColor" strokeWidth={1.6}>
          <path strokeLinecap="round" strokeLinejoin="round" d="M12 16V4m0 0-4 4m4-4 4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
        </svg>
        <span className="text-sm font-medium text-slate-900">
          Drop a file here, or <span className="text-brand-700 underline underline-offset-2">choose one</span>
        </span>
        <span className="text-xs text-slate-600">{formats} · up to {formatFileSize(maxBytes)}</span>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          aria-label={inputLabel}
          accept={accept}
          className="sr-only"
          disabled={isBusy}
          onChange={(event) => choose(event.target.files?.[0])}
        />
      </label>

      {file ? (
        <div className="flex items-center justify-between gap-3 rounded-lg bg-white px-3 py-2 ring-1 ring-slate-200">
          <div className="min-w-0">
            <p className="truncate text-sm font-medium text-slate-900" data-testid="chosen-file">{file.name}</p>
            <p className="text-xs text-slate-500">{formatFileSize(file.size)}</p>
          </div>
          {!isBusy ? (
            <Button
              type="button"
              variant="ghost"
              className="px-2 py-1 text-xs"
              onClick={() => {
                setFile(null);
                setState({ phase: "idle" });
                if (inputRef.current) inputRef.current.value = "";
              }}
            >
              Remove
            </Button>
          ) : null}
        </div>
      ) : null}

      {isBusy ? (
        <div className="space-y-1.5" aria-live="polite">
          <ProgressBar percent={percent} label="Upload progress" />
          <div className="flex items-center justify-between gap-3 text-xs text-slate-600">
            <span>
              {state.phase === "uploading"
                ? `Uploading… ${Math.floor(percent)}% (${formatFileSize(state.sent)} of ${formatFileSize(state.total)})`
                : startingText}
            </span>
            {state.phase === "uploading" ? (
              <button type="button" className="font-medium text-slate-700 underline underline-offset-2 hover:text-slate-900" onClick={() => request.current?.abort()}>
                Cancel
              </button>
            ) : null}
          </div>
        </div>
      ) : null}

      {state.phase === "failed" ? (
        <p role="alert" data-testid="form-error" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {state.message}
        </p>
      ) : null}

      <Button type="button" onClick={upload} disabled={!file || isBusy || (state.phase === "failed" && !state.canRetry)}>
        {isBusy ? "Uploading…" : buttonLabel}
      </Button>
    </div>
  );
}
