// The job worker as its own process, for the fault tests: the portal's startWorker loop (the same
// ticks, claims, leases and retries as in `next start`), limited to the jobs named in FAULT_JOBS,
// against DATABASE_URL. Started with `tsx --conditions=react-server`. It prints "ready" once its
// modules are loaded. Nothing here catches errors for it: if a lost database connection throws
// anywhere outside a tick, the process dies, and the test sees the exit.
import { JOBS } from "@/server/jobs/registry";
import { startWorker } from "@/server/jobs/start-worker";

const names = (process.env.FAULT_JOBS ?? "").split(",").filter(Boolean);
const jobs = JOBS.filter((job) => names.includes(job.name));
if (jobs.length !== names.length) throw new Error(`Unknown job in FAULT_JOBS=${process.env.FAULT_JOBS}`);

startWorker({ jobs, pollMs: Number(process.env.FAULT_POLL_MS ?? 100), isScheduling: false });
// startWorker's timer does not hold the process open (in the portal, the server does).
setInterval(() => {}, 1 << 30);
console.log("ready");
