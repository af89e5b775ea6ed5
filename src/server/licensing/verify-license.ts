import "server-only";
import { todayUtc } from "@/lib/works/work-input";
import { db } from "../db";
import { appUrl } from "../env";

// The public check of a license certificate: anyone holding the verification URL (printed on the
// certificate) sees whether the license is valid and the few facts the certificate states, and
// nothing else of the licensee's (no contacts, no fee, no usage).

export type LicenseStanding = "valid" | "not-yet-valid" | "expired" | "revoked" | "cancelled" | "pending";

export type PublicLicense = {
  licenseNumber: string;
  licenseeName: string;
  country: string | null;
  planName: string;
  startsOn: string | null;
  endsOn: string | null;
  standing: LicenseStanding;
  statusReason: string | null;
};

export function verificationUrl(code: string): string {
  return `${appUrl()}/verify/${code}`;
}

/** Public: the license behind a verification code, or null (an unknown code says nothing more). */
export async function verifyLicense(code: string, today = todayUtc()): Promise<PublicLicense | null> {
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(code)) return null;
  const grant = await db.licenseGrant.findUnique({
    where: { verificationCode: code },
    select: {
      licenseNumber: true, status: true, startsOn: true, endsOn: true, statusReason: true,
      plan: { select: { name: true } },
      organization: { select: { name: true, licenseeProfile: { select: { legalName: true, country: true } } } },
    },
  });
  if (!grant) return null;
  const startsOn = grant.startsOn?.toISOString().slice(0, 10) ?? null;
  const endsOn = grant.endsOn?.toISOString().slice(0, 10) ?? null;
  const standing: LicenseStanding =
    grant.status === "REVOKED" ? "revoked"
      : grant.status === "CANCELLED" ? "cancelled"
        : grant.status === "PENDING_PAYMENT" ? "pending"
          : !startsOn || !endsOn ? "pending"
            : today < startsOn ? "not-yet-valid"
              : today >= endsOn || grant.status === "EXPIRED" ? "expired"
                : "valid";
  return {
    licenseNumber: grant.licenseNumber,
    licenseeName: grant.organization.licenseeProfile?.legalName ?? grant.organization.name,
    country: grant.organization.licenseeProfile?.country ?? null,
    planName: grant.plan.name,
    startsOn,
    endsOn,
    standing,
    statusReason: grant.status === "REVOKED" ? grant.statusReason : null,
  };
}
