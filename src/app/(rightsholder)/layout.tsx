import { AppShell } from "@/components/shell/app-shell";
import { requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";

export default async function RightsholderLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor("/rightsholder", can.useRightsholderArea);
  return <AppShell actor={actor}>{children}</AppShell>;
}
