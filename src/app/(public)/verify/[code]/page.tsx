import type { Metadata } from "next";
import { PublicFooter } from "@/components/shell/public-footer";
import { PublicHeader } from "@/components/shell/public-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { countryName } from "@/lib/countries";
import { lastDayOf } from "@/lib/licensing/term";
import { getActor } from "@/server/auth/session";
import { verifyLicense, type LicenseStanding } from "@/server/licensing/verify-license";
import { formatDay } from "@/lib/dates";

export const metadata: Metadata = { title: "Verify a license", robots: { index: false } };


const STANDING: Record<LicenseStanding, { label: string; tone: "green" | "amber" | "red" | "neutral"; text: string }> = {
  valid: { label: "Valid", tone: "green", text: "This license is in force today." },
  "not-yet-valid": { label: "Not yet in force", tone: "amber", text: "This license starts on a later date." },
  expired: { label: "Expired", tone: "neutral", text: "This license has ended. It covered the period below." },
  revoked: { label: "Revoked", tone: "red", text: "This license was revoked and no longer covers anything." },
  cancelled: { label: "Not issued", tone: "red", text: "This license was never paid for and was not issued." },
  pending: { label: "Not issued yet", tone: "amber", text: "This license is waiting for its payment to clear." },
};

/** Public: anyone with the URL on a certificate checks the license behind it. */
export default async function VerifyLicensePage({ params }: { params: Promise<{ code: string }> }) {
  const [actor, { code }] = await Promise.all([getActor(), params]);
  const license = await verifyLicense(code);
  const standing = license ? STANDING[license.standing] : null;
  return (
    <div className="min-h-screen bg-slate-50">
      <div className="bg-white">
        <PublicHeader isSignedIn={actor !== null} />
      </div>
      <main className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">License verification</h1>
        <Card className="mt-6">
          {license && standing ? (
            <div data-testid="verification">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-mono text-lg font-semibold text-slate-900">{license.licenseNumber}</p>
                <Badge tone={standing.tone}>{standing.label}</Badge>
              </div>
              <p className="mt-2 text-sm text-slate-700">{standing.text}{license.statusReason ? ` Reason: ${license.statusReason}` : ""}</p>
              <dl className="mt-5 grid gap-4 text-sm sm:grid-cols-2">
                <div><dt className="text-slate-500">Licensee</dt><dd className="font-medium text-slate-900">{license.licenseeName}</dd></div>
                <div><dt className="text-slate-500">Country</dt><dd className="text-slate-900">{countryName(license.country)}</dd></div>
                <div><dt className="text-slate-500">License</dt><dd className="text-slate-900">{license.planName}</dd></div>
                <div>
                  <dt className="text-slate-500">Term</dt>
                  <dd className="text-slate-900">{license.startsOn && license.endsOn ? `${formatDay(license.startsOn)} – ${formatDay(lastDayOf({ endsOn: license.endsOn }))}` : "—"}</dd>
                </div>
                <div className="sm:col-span-2">
                  <dt className="text-slate-500">Scope</dt>
                  <dd className="text-slate-900">
                    Training AI systems used outside the licensee&apos;s organisation on the works enrolled in the repertoire, for the purposes
                    each work&apos;s rightsholder permits (pre-training, fine-tuning, retrieval-augmented generation), on the days each work is enrolled.
                  </dd>
                </div>
              </dl>
            </div>
          ) : (
            <div data-testid="verification" role="alert">
              <p className="font-semibold text-slate-900">No license has this verification code.</p>
              <p className="mt-2 text-sm text-slate-700">Check the address on the certificate. A certificate whose code is not found here is not valid.</p>
            </div>
          )}
        </Card>
      </main>
      <PublicFooter />
    </div>
  );
}
