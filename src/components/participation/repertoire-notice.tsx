import Link from "next/link";
import { statusExplanation } from "./standing";

/**
 * Above the works a rightsholder has on file, while its participation is not approved: works are
 * kept and can be edited, but licensees are not covered for them (and nobody is paid) until staff
 * approve the organisation. Without this, "Enrolled" on every row reads as "licensed".
 */
export function RepertoireNotice({ status, isComplete }: { status: string; isComplete: boolean }) {
  if (status === "APPROVED") return null;
  return (
    <div role="status" className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-950 ring-1 ring-amber-200">
      <p>
        <span className="font-medium">Not in the licensed repertoire yet.</span> {statusExplanation(status, isComplete)}
      </p>
      <Link href="/rightsholder/participation" className="font-medium text-amber-900 underline underline-offset-2 hover:text-amber-700">
        {status === "PENDING_APPROVAL" ? "See your participation" : "Continue participation"}
      </Link>
    </div>
  );
}
