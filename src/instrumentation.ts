// Next.js calls register() once per server process: start the in-process job worker
// (docs/decisions/004-job-queue.md). JOBS_DISABLED=1 turns it off, e.g. for a web-only instance.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.JOBS_DISABLED === "1") return;
  const { startWorker } = await import("./server/jobs/start-worker");
  startWorker();
}
