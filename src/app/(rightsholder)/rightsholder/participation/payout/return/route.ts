import { NextResponse } from "next/server";
import { currentMembership } from "@/server/auth/current-organization";
import { isUser } from "@/server/auth/policies";
import { getActor } from "@/server/auth/session";
import { appUrl } from "@/server/env";
import { isAppError } from "@/server/errors";
import { refreshPayoutAccount } from "@/server/participation/payout-account";

// Stripe sends the owner back here after onboarding. The return itself proves nothing: the
// account is read again from Stripe (refreshPayoutAccount), which only records what Stripe says.
export async function GET() {
  const actor = await getActor();
  if (!isUser(actor)) return NextResponse.redirect(`${appUrl()}/sign-in?callbackUrl=${encodeURIComponent("/rightsholder/participation")}`);
  const membership = currentMembership(actor, "RIGHTSHOLDER");
  let outcome = "error";
  try {
    const result = membership ? await refreshPayoutAccount(actor, { organizationId: membership.organizationId }) : null;
    outcome = result?.payoutsEnabled ? "enabled" : "pending";
  } catch (error) {
    if (!isAppError(error)) console.error("[payout return]", error);
    outcome = isAppError(error) && error.code === "FORBIDDEN" ? "forbidden" : "error";
  }
  return NextResponse.redirect(`${appUrl()}/rightsholder/participation?payout=${outcome}`, 303);
}
