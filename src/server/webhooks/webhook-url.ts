import "server-only";
import { lookup } from "node:dns/promises";
import { appUrl } from "../env";
import { isIpLiteral, isNonPublicAddress } from "./webhook-address";

// Which URLs an endpoint may have. In production (NODE_ENV=production, unless NEXTAUTH_URL says
// the portal itself runs on localhost, as the end-to-end build and the local demo do) only https
// to public addresses: the host is resolved when the endpoint is saved and again at every
// delivery, at connection time (see send-webhook.ts), so a name that later points inside our
// network is refused then too.
// Elsewhere (development, tests, the local e2e build) http is allowed for localhost and 127.0.0.1,
// so a receiver on the developer's machine works. Credentials in the URL are never accepted: they
// would be shown in the portal and sent to whoever the URL names.

export type UrlPolicy = "production" | "local";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isLocalHost(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname.toLowerCase());
}

/** Local only outside production, or for a production build that says it serves localhost. */
export function webhookUrlPolicy(): UrlPolicy {
  if (process.env.NODE_ENV !== "production") return "local";
  // appUrl() falls back to localhost; a deployment that forgot NEXTAUTH_URL must stay strict.
  return process.env.NEXTAUTH_URL && isLocalHost(new URL(appUrl()).hostname) ? "local" : "production";
}

export type Resolver = (hostname: string) => Promise<string[]>;

export const resolveHost: Resolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** The problem with a URL's form, or null. No network: for every save and every delivery. */
export function webhookUrlFormProblem(raw: string, policy: UrlPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, starting with https://.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Use an https:// URL.";
  if (url.username || url.password) return "Remove the user name and password from the URL; verify deliveries with the signing secret instead.";
  const host = url.hostname.toLowerCase();
  if (policy === "local") {
    return url.protocol === "http:" && !isLocalHost(host) ? "Use https://; plain http is accepted only for localhost and 127.0.0.1." : null;
  }
  if (url.protocol !== "https:") return "Use an https:// URL: deliveries carry your organisation's data.";
  if (isLocalHost(host) || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal") || (!host.includes(".") && !isIpLiteral(host))) {
    return "Use a public host name: deliveries are sent from Clearway's servers over the internet.";
  }
  if (isIpLiteral(host) && isNonPublicAddress(host)) return "This address is private or reserved; use a public address.";
  return null;
}

/**
 * The problem with where a URL leads, or null: in production its host must resolve, and only to
 * public addresses. Locally nothing is resolved.
 */
export async function webhookUrlAddressProblem(raw: string, policy: UrlPolicy, resolve: Resolver = resolveHost): Promise<string | null> {
  if (policy === "local") return null;
  const host = new URL(raw).hostname;
  if (isIpLiteral(host)) return null;
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    return `The host ${host} could not be found. Check the URL.`;
  }
  if (addresses.length === 0) return `The host ${host} could not be found. Check the URL.`;
  const blocked = addresses.find(isNonPublicAddress);
  return blocked ? `The host ${host} points to a private or reserved address (${blocked}); use a public address.` : null;
}

/** Both checks, for saving an endpoint: the problem to show under the URL field, or null. */
export async function webhookUrlProblem(raw: string, options: { policy?: UrlPolicy; resolve?: Resolver } = {}): Promise<string | null> {
  const policy = options.policy ?? webhookUrlPolicy();
  return webhookUrlFormProblem(raw, policy) ?? (await webhookUrlAddressProblem(raw, policy, options.resolve));
}
