// The security headers of every response. Pure (no environment, no "server-only"), because
// next.config.ts and src/proxy.ts both read them; docs/reliability.md ("Security") says why each.

/** Sent on every response, static files included (next.config.ts `headers()`). */
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  // Browsers ignore HSTS over plain http (RFC 6797 §8.1), so it is sent always: a deployment behind
  // a TLS proxy cannot lose it to a forgotten setting, and http://localhost is unaffected. No
  // `preload`: that commits the whole domain and is its owner's decision.
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
  // frame-ancestors 'none' in the CSP supersedes it; kept for browsers that predate CSP 2.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // The portal uses none of these; an injected script or a framed page gets none either.
  // Only features every Chromium knows: an unknown name is logged as an error in the console.
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

export type CspOptions = {
  /** Fresh for every request; Next reads it from the request's CSP header and puts it on its scripts. */
  nonce: string;
  /** Origins a form may post to (or be redirected to after a post) besides our own: Stripe's hosted pages. */
  formTargets: string[];
  /** upgrade-insecure-requests only when the portal itself is served over https. */
  isHttps: boolean;
  /** `next dev` evaluates code (React's error overlay) and injects styles without a nonce. */
  isDevelopment: boolean;
};

/**
 * The Content-Security-Policy for one request. Scripts run only with this request's nonce;
 * 'strict-dynamic' lets those scripts load Next's chunks, and a parser-inserted script without the
 * nonce (an injection) never runs, even from our own origin. 'self' is only the fallback for
 * browsers without CSP 3 (they ignore it when 'strict-dynamic' is understood).
 */
export function contentSecurityPolicy(options: CspOptions): string {
  const nonce = `'nonce-${options.nonce}'`;
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", nonce, "'strict-dynamic'", ...(options.isDevelopment ? ["'unsafe-eval'"] : [])],
    // Tailwind's CSS is a file ('self'); Next's own inline <style> carries the nonce.
    ["style-src", "'self'", ...(options.isDevelopment ? ["'unsafe-inline'"] : [nonce])],
    // style="width: 42%" on the progress and chart bars. A style attribute cannot run script or
    // select other elements; nonces cannot cover attributes, so this one directive allows them.
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...options.formTargets],
    ["frame-ancestors", "'none'"],
  ];
  const policy = directives.map((directive) => directive.join(" "));
  if (options.isHttps) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/**
 * Where a form may end up besides the portal: a server action that answers with a redirect to
 * Stripe Checkout or Connect onboarding, when the form was posted without JavaScript (with it,
 * the client navigates, and form-action does not apply). The local test double stands in for both.
 */
export function stripeFormTargets(environment: { STRIPE_SECRET_KEY?: string; STRIPE_DOUBLE_URL?: string }): string[] {
  if (environment.STRIPE_SECRET_KEY) return ["https://checkout.stripe.com", "https://connect.stripe.com"];
  if (environment.STRIPE_DOUBLE_URL) {
    try {
      return [new URL(environment.STRIPE_DOUBLE_URL).origin];
    } catch {
      return [];
    }
  }
  return [];
}

/** 16 random bytes, base64: unguessable, and valid in a CSP nonce-source. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
