import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { UserActor } from "./actor";
import { getActor } from "./session";

/**
 * For pages: the signed-in actor, redirected to sign-in when there is none, and answered 403 when
 * `isAllowed` says no. Data access is still checked again in the use cases and queries.
 */
export async function requirePageActor(returnTo: string, isAllowed?: (actor: UserActor) => boolean): Promise<UserActor> {
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (isAllowed && !isAllowed(actor)) forbidden();
  return actor;
}
