"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

const POLL_MS = 1_000;

/**
 * A background job's state, asked of `url` every second while `isActive(state)` holds (the state
 * lives in the database, so a reload or another tab shows the same). When the job ends, the page
 * is rendered again on the server with the final outcome. `isOffline` while the server can't be
 * reached; it keeps trying.
 */
export function usePolledProgress<T>(url: string, initial: T, isActive: (state: T) => boolean): { progress: T; isOffline: boolean } {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [isOffline, setOffline] = useState(false);
  const active = isActive(progress);
  const wasActive = useRef(active);

  useEffect(() => {
    if (!active) return;
    let isCancelled = false;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(url, { cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const next = (await response.json()) as T;
        if (isCancelled) return;
        setOffline(false);
        setProgress(next);
      } catch {
        if (!isCancelled) {
          setOffline(true);
          setProgress((p) => ({ ...p })); // try again on the next tick
        }
      }
    }, POLL_MS);
    return () => {
      isCancelled = true;
      clearTimeout(timer);
    };
  }, [progress, active, url]);

  useEffect(() => {
    if (wasActive.current && !active) router.refresh();
    wasActive.current = active;
  }, [active, router]);

  return { progress, isOffline };
}
