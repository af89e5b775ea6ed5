import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GET as jsonRoute } from "@/app/api/v1/license-terms/route";
import { GET as tdmrepRoute } from "@/app/.well-known/tdmrep.json/route";
import { GET as rslRoute } from "@/app/license.rsl/route";
import { GET as robotsRoute } from "@/app/robots.txt/route";
import { LicenseTermsView } from "@/components/terms/license-terms-view";
import { formatCents, INDUSTRY_LABELS } from "@/lib/pricing/price-license";
import { licenseTermsJson } from "@/lib/terms/license-terms";
import { loadLicenseTerms } from "@/server/terms/license-terms.queries";
import { ensureLicensePlan } from "../factories/pricing";

describe("license terms: the page and the three machine-readable forms agree", () => {
  it("writes the JSON, RSL, TDMRep and the page from the same terms", async () => {
    await ensureLicensePlan();
    const terms = await loadLicenseTerms();
    expect(terms.price).not.toBeNull();
    const price = terms.price!;

    const json = (await (await jsonRoute()).json()) as ReturnType<typeof licenseTermsJson>;
    expect(json).toEqual(JSON.parse(JSON.stringify(licenseTermsJson(terms))));
    expect(json.permittedPurposes.map((p) => p.code)).toEqual(["TRAIN", "FINE_TUNE", "RAG"]);
    expect(json.price!.smallOrganisations.flatFees.map((b) => BigInt(b.feeCents))).toEqual(price.flatBands.map((b) => b.feeCents));

    const rsl = await (await rslRoute()).text();
    expect(rsl).toContain('<rsl xmlns="https://rslstandard.org/rsl">');
    expect(rsl).toContain('<permits type="usage">ai-train,ai-input</permits>');
    const amount = /<amount currency="USD">(\d+)\.(\d\d)<\/amount>/.exec(rsl)!;
    expect(BigInt(amount[1]!) * 100n + BigInt(amount[2]!)).toBe(BigInt(json.price!.minimumFeeCents));
    expect(rsl).toContain(`<standard>${terms.urls.pricing}</standard>`);
    expect(rsl).toContain(`<terms>${terms.urls.terms}</terms>`);

    const tdmrep = (await (await tdmrepRoute()).json()) as { location: string; "tdm-reservation": number; "tdm-policy": string }[];
    expect(tdmrep).toEqual([{ location: "/*", "tdm-reservation": 1, "tdm-policy": json.urls.json }]);
    expect(await (await robotsRoute()).text()).toContain(`License: ${json.urls.rsl}`);

    const page = renderToStaticMarkup(createElement(LicenseTermsView, { terms }));
    for (const purpose of json.permittedPurposes) expect(page).toContain(purpose.label);
    for (const band of price.flatBands) expect(page).toContain(formatCents(band.feeCents));
    for (const rate of price.industryRates) expect(page).toContain(`${INDUSTRY_LABELS[rate.industryGroup]}: ${formatCents(rate.perEmployeeCents)} per employee`);
    expect(page).toContain(`${json.distribution.adminFeeBps / 100} %`);
    expect(page).toContain(`${terms.license.termMonths} months`);
    for (const url of [json.urls.rsl, json.urls.tdmrep, json.urls.json, json.urls.pricing]) expect(page).toContain(`href="${url.replace(/&/g, "&amp;")}"`);
  });
});
