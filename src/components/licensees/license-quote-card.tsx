import Link from "next/link";
import { QuoteSummary } from "../pricing/quote-summary";
import { buttonClasses } from "../ui/button";
import { Card, CardTitle } from "../ui/card";
import type { LicenseeProfileView } from "@/server/licensees/licensee-profile.queries";
import { formatDay } from "@/lib/dates";


/** Where the licensee stands on the way to a license: the profile first, then its price. */
export function LicenseQuoteCard({ profile, children }: { profile: LicenseeProfileView; children?: React.ReactNode }) {
  if (!profile.isComplete) {
    return (
      <Card>
        <CardTitle description="The license fee depends on your organisation's size, industry and country.">Your license</CardTitle>
        <p className="text-sm text-slate-700">
          {profile.canManage
            ? "Complete your organisation profile to see your price: legal name, country, industry, employees, your AI systems, and the attestation."
            : "An owner of your organisation completes its profile; then the price shows here."}
        </p>
        {profile.canManage ? (
          <Link href="/licensee/profile" className={buttonClasses("primary", "mt-4")}>Complete the profile</Link>
        ) : null}
      </Card>
    );
  }
  return (
    <Card>
      <CardTitle description="A 12-month term, starting the day payment clears.">Your license</CardTitle>
      {profile.quote && profile.industryGroup && profile.country ? (
        <>
          <QuoteSummary quote={profile.quote.quote} industryGroup={profile.industryGroup} country={profile.country} />
          <p className="mt-4 text-xs text-slate-500">
            By the prices in force since {formatDay(profile.quote.schedule.effectiveFrom)}.{" "}
            <Link href="/licensee/profile" className="text-brand-700 hover:underline">Details wrong? Update the profile.</Link>
          </p>
        </>
      ) : (
        <p className="text-sm text-slate-700">{profile.quoteProblem ?? "No price could be computed."}</p>
      )}
      {children ? <div className="mt-5 border-t border-slate-100 pt-5">{children}</div> : null}
    </Card>
  );
}
