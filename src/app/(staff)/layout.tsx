import { AppShell } from "@/components/shell/app-shell";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor("/staff", can.readStaffArea);
  return <AppShell actor={actor}>{children}</AppShell>;
}
