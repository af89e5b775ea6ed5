import "server-only";
import { permittedPurposes, type LicenseTerms } from "@/lib/terms/license-terms";
import { todayUtc } from "@/lib/works/work-input";
import { appUrl } from "../env";
import { publicPriceList } from "../pricing/price-schedules.queries";
import { settingInForce } from "../settings/settings-in-force";

// The license terms from their one source of truth: the plan and the price schedule staff publish
// (staff/pricing), and the operator's settings. Public: it is what the license offers anyone.

export const LICENSOR_NAME = "Clearway";

export async function loadLicenseTerms(date = todayUtc()): Promise<LicenseTerms> {
  const base = appUrl();
  const { plan, schedule } = await publicPriceList(date);
  const minimumFeeCents = schedule?.flatBands.reduce((min, b) => (b.feeCents < min ? b.feeCents : min), schedule.flatBands[0]?.feeCents ?? 0n) ?? 0n;
  return {
    licensor: { name: LICENSOR_NAME, url: base },
    license: {
      code: plan.code,
      name: plan.name,
      description: plan.description || "A voluntary, non-exclusive annual license to use the works of the collective repertoire to train AI systems.",
      termMonths: plan.termMonths,
      eligibleLicensees: "Organisations that train AI systems used outside their organisation.",
      exclusive: false,
      voluntary: true,
    },
    permittedPurposes: permittedPurposes(),
    price: schedule && {
      currency: schedule.currency,
      smallOrgMaxEmployees: schedule.smallOrgMaxEmployees,
      flatBands: schedule.flatBands,
      industryRates: schedule.industryRates,
      countryFactors: schedule.countryFactors,
      effectiveFrom: schedule.effectiveFrom,
      minimumFeeCents,
    },
    urls: {
      terms: `${base}/terms`,
      pricing: `${base}/pricing`,
      signUp: `${base}/sign-up?kind=LICENSEE`,
      repertoire: `${base}/repertoire`,
      verify: `${base}/verify`,
      rsl: `${base}/license.rsl`,
      tdmrep: `${base}/.well-known/tdmrep.json`,
      json: `${base}/api/v1/license-terms`,
    },
    distribution: {
      adminFeeBps: Number(await settingInForce("distribution.adminFeeBps")),
      minimumPayoutCents: BigInt(await settingInForce("distribution.minimumPayoutCents")),
    },
  };
}
