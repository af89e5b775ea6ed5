import { AppShell } from "@/components/shell/app-shell";
import { getActor } from "@/server/auth/session";

// Pages here check the actor themselves; the layout only draws the frame when someone is signed in.
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  return actor ? <AppShell actor={actor}>{children}</AppShell> : <>{children}</>;
}
