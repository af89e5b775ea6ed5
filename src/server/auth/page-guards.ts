import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { isAppError } from "../errors";
import type { UserActor } from "./actor";
import { getSessionActor } from "./session";

/**
 * For pages: the signed-in actor, redirected to sign-in when there is none (saying why, when a
 * staff session ended), and answered 403 when `isAllowed` says no. Data access is still checked
 * again in the use cases and queries.
 */
export async function requirePageActor(returnTo: string, isAllowed?: (actor: UserActor) => boolean): Promise<UserActor> {
  const { actor, ended } = await getSessionActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}${ended ? `&ended=${ended}` : ""}`);
  if (isAllowed && !isAllowed(actor)) forbidden();
  return actor;
}

/** For pages showing one item: a use case's NOT_FOUND becomes the 404 page; other errors propagate. */
export async function orNotFoundPage<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
