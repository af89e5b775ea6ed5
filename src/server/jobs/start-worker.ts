import "server-only";
import { JOBS, schedules } from "./registry";
import { enqueueDueSchedules } from "./schedules";
import { runDueJobs, type JobDefinition } from "./worker";

const POLL_MS = 5_000;

export type WorkerOptions = {
  pollMs?: number;
  /** The jobs this worker runs (default: all of them). */
  jobs?: JobDefinition[];
  /** Whether it also enqueues due schedules (default true). */
  isScheduling?: boolean;
};

/**
 * The in-process worker: every few seconds, enqueue due schedules and run due jobs. A failing tick
 * (the database restarting) is logged and the next one tries again: nothing here may end the
 * process, which also serves the portal's pages.
 */
export function startWorker(options: WorkerOptions = {}): () => void {
  const jobs = options.jobs ?? JOBS;
  let isRunning = false;
  const tick = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      if (options.isScheduling ?? true) await enqueueDueSchedules(schedules());
      await runDueJobs(jobs);
    } catch (error) {
      console.error("Job worker tick failed", error);
    } finally {
      isRunning = false;
    }
  };
  const timer = setInterval(() => void tick(), options.pollMs ?? POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
