import { redirect } from "next/navigation";
import { homePathFor } from "@/components/shell/navigation";
import { requirePageActor } from "@/server/auth/page-guards";

/** Sends a signed-in person to the home page of their role. */
export default async function HomeRedirect() {
  const actor = await requirePageActor("/home");
  redirect(homePathFor(actor));
}
