import type { Metadata } from "next";
import Link from "next/link";
import { ManualGrantForm } from "@/components/staff-licenses/manual-grant-form";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatDay } from "@/lib/dates";
import { lastDayOf } from "@/lib/licensing/term";
import { formatCents } from "@/lib/pricing/price-license";
import { orNotFoundPage, requirePageActor } from "@/server/auth/page-guards";
import { can } from "@/server/auth/policies";
import { MAX_TERM_MONTHS } from "@/server/licensing/staff-licenses.schema";
import { getManualGrantDraft, searchLicenseesForManualGrant, type ManualGrantDraft } from "@/server/licensing/staff-manual-grant.queries";

export const metadata: Metadata = { title: "Grant a license manually" };

export default async function ManualGrantPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("/staff/licenses/new", can.administer);
  const query = await searchParams;
  const draft = query.org ? await orNotFoundPage(() => getManualGrantDraft(actor, query.org!)) : null;
  const search = draft ? null : await searchLicenseesForManualGrant(actor, { q: query.q });
  return (
    <>
      <Link href="/staff/licenses" className="text-sm text-brand-700 hover:underline">← Licenses</Link>
      <div className="mt-2">
        <PageHeader
          title="Grant a license manually"
          description="For a customer invoiced outside the portal: once its payment has arrived, the license is active from today (or from the end of the license it holds), with the fee from the price schedule in force, and the licensee's members get the usual receipt."
        />
      </div>
      {draft ? <DraftSection draft={draft} /> : (
        <Card>
          <CardTitle description="Search by the organisation's name or legal name.">Which licensee?</CardTitle>
          <form method="get" action="/staff/licenses/new" className="mb-4 flex flex-wrap gap-2" role="search">
            <label htmlFor="q" className="sr-only">Organisation</label>
            <input id="q" name="q" defaultValue={search!.q} placeholder="Organisation name" className="w-72 rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500" />
            <button type="submit" className={buttonClasses("secondary")}>Search</button>
          </form>
          {search!.q === "" ? null : search!.organizations.length === 0 ? (
            <EmptyState title="No licensee matches">Try part of the name. The organisation must exist (a member signs up first) to hold a license.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="licensee-choices">
              {search!.organizations.map((o) => (
                <li key={o.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <span>
                    <span className="block font-medium text-slate-900">{o.name}</span>
                    <span className="block text-slate-600">
                      {[o.legalName, o.country, o.employeeCount ? `${o.employeeCount.toLocaleString("en-US")} employees` : null].filter(Boolean).join(" · ") || "Profile not filled in"}
                      {o.heldLicense ? ` · holds ${o.heldLicense.licenseNumber} until ${formatDay(lastDayOf(o.heldLicense))}` : ""}
                    </span>
                  </span>
                  <Link href={`/staff/licenses/new?org=${o.id}`} className={buttonClasses("secondary")}>Choose</Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </>
  );
}

function DraftSection({ draft }: { draft: ManualGrantDraft }) {
  const currency = draft.schedule?.currency ?? "USD";
  const startDays = draft.startDays.map((day) => ({
    value: day,
    label: day === draft.today ? `Today, ${formatDay(day)}` : `${formatDay(day)}, renewing ${draft.renewable?.licenseNumber ?? ""}`,
  }));
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-1">
        <CardTitle>{draft.organization.name}</CardTitle>
        <dl className="space-y-2 text-sm">
          <div><dt className="text-slate-500">Legal name</dt><dd className="text-slate-900">{draft.organization.legalName ?? "—"}</dd></div>
          <div><dt className="text-slate-500">Employees · industry · country</dt><dd className="text-slate-900">{[draft.profile.employeeCount?.toLocaleString("en-US"), draft.profile.industry, draft.profile.country].map((v) => v ?? "—").join(" · ")}</dd></div>
          <div><dt className="text-slate-500">Price schedule</dt><dd className="text-slate-900">{draft.schedule ? `In force since ${formatDay(draft.schedule.effectiveFrom)}` : "None in force"}</dd></div>
          <div><dt className="text-slate-500">Fee by the schedule</dt><dd className="text-slate-900">{draft.scheduleFeeCents === null ? (draft.quoteProblem ?? "—") : formatCents(draft.scheduleFeeCents, currency)}</dd></div>
          <div>
            <dt className="text-slate-500">Licenses held</dt>
            <dd className="text-slate-900">
              {draft.held.length === 0 ? "None" : draft.held.map((g) => (
                <span key={g.id} className="block"><Link href={`/staff/licenses/${g.id}`} className="font-mono text-brand-700 hover:underline">{g.licenseNumber}</Link> {formatDay(g.startsOn)} – {formatDay(lastDayOf(g))}{g.autoRenew && g.stripeSubscriptionId ? " · renews automatically" : ""}</span>
              ))}
            </dd>
          </div>
          {draft.pendingCheckouts > 0 ? <p className="text-amber-800">{draft.pendingCheckouts} checkout{draft.pendingCheckouts === 1 ? "" : "s"} waiting for payment: an abandoned one is cancelled by this grant; one still open holds it back.</p> : null}
        </dl>
        <Link href="/staff/licenses/new" className="mt-4 inline-block text-sm text-brand-700 hover:underline">Choose another organisation</Link>
      </Card>
      <Card className="lg:col-span-2">
        <CardTitle description="The license starts active; the payment is recorded as received outside Stripe. Refunds of it are made outside Stripe too.">The license</CardTitle>
        {draft.canGrant ? (
          <ManualGrantForm
            organizationId={draft.organization.id} scheduleFeeCents={draft.scheduleFeeCents?.toString() ?? null} currency={currency}
            startDays={startDays} defaultTermMonths={draft.plan?.termMonths ?? 12} maxTermMonths={MAX_TERM_MONTHS}
          />
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-sm text-red-700" data-testid="grant-problems">{draft.problems.map((p) => <li key={p}>{p}</li>)}</ul>
        )}
      </Card>
    </div>
  );
}
