import type { Metadata } from "next";
import { PublicFooter } from "@/components/shell/public-footer";
import { PublicHeader } from "@/components/shell/public-header";
import { LicenseTermsView } from "@/components/terms/license-terms-view";
import { getActor } from "@/server/auth/session";
import { loadLicenseTerms } from "@/server/terms/license-terms.queries";

export const metadata: Metadata = { title: "License terms" };

/** The license terms for people; the same object feeds /license.rsl, tdmrep.json and the API. */
export default async function TermsPage() {
  const [actor, terms] = await Promise.all([getActor(), loadLicenseTerms()]);
  return (
    <div className="min-h-screen bg-slate-50">
      <div className="bg-white">
        <PublicHeader isSignedIn={actor !== null} />
      </div>
      <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">{terms.license.name}: the terms</h1>
        <p className="mb-8 mt-1 text-sm text-slate-600">What the license permits, who may buy it, what it costs and where the fees go.</p>
        <LicenseTermsView terms={terms} />
      </main>
      <PublicFooter />
    </div>
  );
}
