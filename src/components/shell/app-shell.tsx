import Link from "next/link";
import type { UserActor } from "@/server/auth/actor";
import { countUnreadNotifications } from "@/server/notifications/notifications.queries";
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
export async function AppShell({ actor, children }: { actor: UserActor; children: React.ReactNode }) {
  const sections = navigationFor(actor);
  const unread = await countUnreadNotifications(actor);
  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-7xl items-center justify-between gap-4 px-4 sm:px-6">
          <div className="flex items-center gap-2">
            <MobileNav sections={sections} />
            <Logo href={homePathFor(actor)} />
          </div>
          <div className="flex items-center gap-2">
            <Link
              href="/notifications"
              aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
              className="relative flex size-10 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              <svg viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden>
                <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8" strokeLinejoin="round" />
                <path d="M10.3 20a1.9 1.9 0 0 0 3.4 0" strokeLinecap="round" />
              </svg>
              {unread > 0 ? (
                <span className="absolute right-1 top-1 min-w-4 rounded-full bg-brand-600 px-1 text-center text-[10px] font-semibold leading-4 text-white">{unread > 99 ? "99+" : unread}</span>
              ) : null}
            </Link>
            <AccountMenu name={actor.name} email={actor.email} roleLabel={roleLabel(actor)} />
          </div>
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
