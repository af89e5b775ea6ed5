import "server-only";
import { JOBS, schedules } from "./registry";
import { enqueueDueSchedules } from "./schedules";
import { runDueJobs } from "./worker";

const POLL_MS = 5_000;

/** The in-process worker: every few seconds, enqueue due schedules and run due jobs. */
export function startWorker(): () => void {
  let isRunning = false;
  const tick = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      await enqueueDueSchedules(schedules());
      await runDueJobs(JOBS);
    } catch (error) {
      console.error("Job worker tick failed", error);
    } finally {
      isRunning = false;
    }
  };
  const timer = setInterval(() => void tick(), POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
