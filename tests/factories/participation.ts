// Participation helpers: the agreement every test database needs, and the person's click on the
// Stripe test double's hosted onboarding page.
import { db } from "@/server/db";

export async function ensureAgreement() {
  const existing = await db.participationAgreement.findFirst({ where: { version: "test-base" } });
  if (existing) return existing;
  try {
    return await db.participationAgreement.create({
      data: { version: "test-base", title: "Participation agreement", body: "Test terms.", publishedAt: new Date("2020-01-01T00:00:00Z") },
    });
  } catch {
    return db.participationAgreement.findFirstOrThrow({ where: { version: "test-base" } });
  }
}

/** Submits the double's onboarding form, as the person would, without following the redirect. */
export async function completeOnboarding(onboardingUrl: string): Promise<void> {
  const response = await fetch(`${onboardingUrl}/complete`, { method: "POST", redirect: "manual" });
  if (response.status !== 303) throw new Error(`Onboarding did not complete: ${response.status}`);
}
