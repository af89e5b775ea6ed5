import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { licenseCertificatePdf, licenseReceiptPdf } from "@/server/licensing/license-documents";
import { verifyLicense } from "@/server/licensing/verify-license";
import { createOrganizationWithPeople, createStaffActor } from "../factories";
import { createActiveGrant } from "../factories/licensing";

describe("license documents", () => {
  it("gives an issued license's members a one-page certificate and a receipt", async () => {
    const { organization, member } = await createOrganizationWithPeople("LICENSEE");
    await db.licenseeProfile.update({ where: { organizationId: organization.id }, data: { legalName: "Łódź Dynamics Sp. z o.o.", country: "PL" } });
    const grant = await createActiveGrant(organization.id);
    const certificate = await licenseCertificatePdf(member.actor, { organizationId: organization.id, grantId: grant.id });
    expect(certificate.fileName).toBe(`${grant.licenseNumber}-certificate.pdf`);
    expect(Buffer.from(certificate.bytes).subarray(0, 5).toString()).toBe("%PDF-");
    const parsed = await PDFDocument.load(certificate.bytes);
    expect(parsed.getPageCount()).toBe(1);
    expect(parsed.getTitle()).toBe(`License certificate ${grant.licenseNumber}`);

    const receipt = await licenseReceiptPdf(await createStaffActor("ANALYST"), { organizationId: organization.id, grantId: grant.id });
    expect((await PDFDocument.load(receipt.bytes)).getTitle()).toBe(`Receipt ${grant.licenseNumber}`);
  });

  it("has no certificate for a license not issued, and none for another organisation's", async () => {
    const { organization, owner } = await createOrganizationWithPeople("LICENSEE");
    const grant = await createActiveGrant(organization.id, { withPayment: false });
    await expect(licenseReceiptPdf(owner.actor, { organizationId: organization.id, grantId: grant.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await db.licenseGrant.update({ where: { id: grant.id }, data: { status: "REVOKED", revokedAt: new Date() } });
    await expect(licenseCertificatePdf(owner.actor, { organizationId: organization.id, grantId: grant.id })).rejects.toMatchObject({ code: "CONFLICT" });

    const other = await createOrganizationWithPeople("LICENSEE");
    await expect(licenseCertificatePdf(other.owner.actor, { organizationId: organization.id, grantId: grant.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(licenseCertificatePdf(other.owner.actor, { organizationId: other.organization.id, grantId: grant.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(licenseCertificatePdf(owner.actor, { organizationId: organization.id, grantId: "not-a-uuid" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("public verification", () => {
  it("says valid, not yet valid, expired or revoked, and nothing for an unknown code", async () => {
    const { organization } = await createOrganizationWithPeople("LICENSEE");
    await db.licenseeProfile.update({ where: { organizationId: organization.id }, data: { legalName: "Verify Co Ltd", country: "GB" } });
    const grant = await createActiveGrant(organization.id, { startsOn: "2026-03-01", endsOn: "2027-03-01" });
    expect(await verifyLicense(grant.verificationCode, "2026-06-01")).toMatchObject({
      licenseNumber: grant.licenseNumber, licenseeName: "Verify Co Ltd", country: "GB", startsOn: "2026-03-01", endsOn: "2027-03-01", standing: "valid",
    });
    expect((await verifyLicense(grant.verificationCode, "2026-02-28"))?.standing).toBe("not-yet-valid");
    expect((await verifyLicense(grant.verificationCode, "2027-03-01"))?.standing).toBe("expired");
    await db.licenseGrant.update({ where: { id: grant.id }, data: { status: "REVOKED", statusReason: "Refunded in full." } });
    expect(await verifyLicense(grant.verificationCode, "2026-06-01")).toMatchObject({ standing: "revoked", statusReason: "Refunded in full." });
    expect(await verifyLicense("no-such-code-anywhere")).toBeNull();
    expect(await verifyLicense("'; DROP TABLE x; --")).toBeNull();
    const view = await verifyLicense(grant.verificationCode);
    expect(Object.keys(view!).sort()).toEqual(["country", "endsOn", "licenseNumber", "licenseeName", "planName", "standing", "startsOn", "statusReason"]);
  });
});
