import "server-only";
import type { Term } from "@/lib/licensing/term";
import type { DbOrTx } from "../db";

// What a license granted by hand must fit around, read the same way by the form (to offer the
// start days) and by the use case (to refuse, and again inside its transaction).
//
// Start days: today, or — to renew the license the organisation holds — the day that license
// ends. Never a past day: a backdated term would make usage already reported eligible after the
// fact and recognise revenue in quarters whose distribution runs may be approved (immutable). Nor
// any other future day: the checkout (start-checkout.ts) treats a license as held only when it
// runs today, so a term floating in the future would let a member buy an overlapping one online.

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

export type HeldGrant = {
  id: string; licenseNumber: string; startsOn: string; endsOn: string; autoRenew: boolean; stripeSubscriptionId: string | null; hasRenewal: boolean;
};

export async function manualGrantContext(client: DbOrTx, organizationId: string, today: string) {
  const rows = await client.licenseGrant.findMany({
    where: { organizationId, status: { in: ["ACTIVE", "PENDING_PAYMENT"] } },
    orderBy: [{ endsOn: "desc" }, { createdAt: "desc" }],
    select: {
      id: true, licenseNumber: true, status: true, startsOn: true, endsOn: true, autoRenew: true, stripeSubscriptionId: true, stripeCheckoutSessionId: true, createdAt: true,
      nextGrant: { select: { status: true } },
    },
  });
  const active: HeldGrant[] = rows
    .filter((g) => g.status === "ACTIVE" && g.startsOn && g.endsOn)
    .map((g) => ({
      id: g.id, licenseNumber: g.licenseNumber, startsOn: dayOf(g.startsOn!), endsOn: dayOf(g.endsOn!), autoRenew: g.autoRenew,
      stripeSubscriptionId: g.stripeSubscriptionId, hasRenewal: g.nextGrant?.status === "ACTIVE",
    }));
  // The license a grant starting on its end renews (the renewal chain): the one that ends last.
  const latest = active[0];
  const renewable = latest && !latest.hasRenewal && latest.endsOn >= today ? latest : null;
  const startDays = renewable && renewable.endsOn > today ? [today, renewable.endsOn] : [today];
  const pending = rows.filter((g) => g.status === "PENDING_PAYMENT").map((g) => ({ id: g.id, licenseNumber: g.licenseNumber, sessionId: g.stripeCheckoutSessionId, createdAt: g.createdAt }));
  return { active, renewable, startDays, pending };
}

/** The first held license whose term shares a day with `term`. */
export function overlappingGrant(active: HeldGrant[], term: Pick<Term, "startsOn" | "endsOn">): HeldGrant | undefined {
  return active.find((g) => g.startsOn < term.endsOn && g.endsOn > term.startsOn);
}
