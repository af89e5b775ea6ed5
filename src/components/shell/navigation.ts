import type { UserActor } from "@/server/auth/actor";

export type NavItem = { href: string; label: string };
export type NavSection = { title: string; items: NavItem[] };

/** The sections a person sees: one per area they may use. The pages check again on the server. */
export function navigationFor(actor: UserActor): NavSection[] {
  const sections: NavSection[] = [];
  const licensee = actor.memberships.find((m) => m.kind === "LICENSEE");
  const rightsholder = actor.memberships.find((m) => m.kind === "RIGHTSHOLDER");
  if (actor.staffRole) {
    sections.push({
      title: actor.staffRole === "ADMIN" ? "Staff · Admin" : "Staff · Analyst",
      items: [
        { href: "/staff", label: "Overview" },
        { href: "/staff/organizations", label: "Organisations" },
        { href: "/staff/works", label: "Repertoire" },
        { href: "/staff/rightsholders", label: "Rightsholders" },
        { href: "/staff/disputes", label: "Disputes" },
        { href: "/staff/licenses", label: "Licenses" },
        { href: "/staff/distributions", label: "Distributions" },
        { href: "/staff/usage", label: "Usage queue" },
        { href: "/staff/pricing", label: "Pricing" },
        { href: "/staff/settings", label: "Settings" },
        { href: "/staff/audit", label: "Audit log" },
        { href: "/staff/jobs", label: "Jobs" },
        { href: "/staff/outbox", label: "Mail outbox" },
      ],
    });
  }
  if (licensee) {
    sections.push({
      title: licensee.organizationName,
      items: [
        { href: "/licensee", label: "Overview" },
        { href: "/licensee/coverage", label: "Coverage" },
        { href: "/licensee/usage", label: "Usage reports" },
        { href: "/licensee/profile", label: "Profile" },
        { href: "/licensee/members", label: "Members" },
        { href: "/licensee/api-keys", label: "API keys" },
        { href: "/licensee/webhooks", label: "Webhooks" },
      ],
    });
  }
  if (rightsholder) {
    sections.push({
      title: rightsholder.organizationName,
      items: [
        { href: "/rightsholder", label: "Overview" },
        { href: "/rightsholder/works", label: "Works" },
        { href: "/rightsholder/imports", label: "Imports" },
        { href: "/rightsholder/statements", label: "Statements" },
        { href: "/rightsholder/disputes", label: "Disputes" },
        { href: "/rightsholder/participation", label: "Participation" },
        { href: "/rightsholder/members", label: "Members" },
        { href: "/rightsholder/api-keys", label: "API keys" },
        { href: "/rightsholder/webhooks", label: "Webhooks" },
      ],
    });
  }
  return sections;
}

/** Where a person lands after signing in. */
export function homePathFor(actor: UserActor): string {
  if (actor.staffRole) return "/staff";
  const first = actor.memberships[0];
  if (!first) return "/account";
  return first.kind === "LICENSEE" ? "/licensee" : "/rightsholder";
}
