import type { UserActor } from "@/server/auth/actor";
import { AccountMenu } from "./account-menu";
import { Logo } from "./logo";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { homePathFor, navigationFor } from "./navigation";

function roleLabel(actor: UserActor): string {
  if (actor.staffRole) return actor.staffRole === "ADMIN" ? "Staff administrator" : "Staff analyst";
  const first = actor.memberships[0];
  if (!first) return "No organisation yet";
  const kind = first.kind === "LICENSEE" ? "Licensee" : "Rightsholder";
  return `${kind} ${first.role === "OWNER" ? "owner" : "member"} · ${first.organizationName}`;
}

/** The signed-in frame: top bar with the account menu, a sidebar on desktop, a menu on phones. */
export function AppShell({ actor, children }: { actor: UserActor; children: React.ReactNode }) {
  const sections = navigationFor(actor);
  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-7xl items-center justify-between gap-4 px-4 sm:px-6">
          <div className="flex items-center gap-2">
            <MobileNav sections={sections} />
            <Logo href={homePathFor(actor)} />
          </div>
          <AccountMenu name={actor.name} email={actor.email} roleLabel={roleLabel(actor)} />
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl gap-8 px-4 py-6 sm:px-6 lg:py-8">
        <aside className="hidden w-56 shrink-0 lg:block">
          <NavLinks sections={sections} />
        </aside>
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}
