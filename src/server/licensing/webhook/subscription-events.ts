import "server-only";
import { SYSTEM } from "../../auth/actor";
import { writeAudit } from "../../audit/write-audit";
import { stripeClient } from "../../stripe/client";
import { autoRenewEndedMail } from "../billing-mails";
import { notifyLicensee } from "./notify-licensee";
import { dayOf, type WebhookStep } from "./webhook-step";

/**
 * customer.subscription.deleted: the subscription ended (turned off at its period end, cancelled
 * after the last failed renewal charge, or by staff revoking the license). Auto-renewal goes off
 * on its grants; the license itself runs to its end. Members are told only when this changed
 * something (turning it off in the portal already set autoRenew false and said so).
 */
export async function subscriptionDeletedStep(subscriptionId: string): Promise<WebhookStep> {
  const subscription = await stripeClient().subscriptions.retrieve(subscriptionId);
  return {
    apply: async (tx) => {
      if (subscription.status !== "canceled") return;
      const grants = await tx.licenseGrant.findMany({
        where: { stripeSubscriptionId: subscription.id, autoRenew: true },
        orderBy: { endsOn: "desc" },
        include: { organization: { select: { name: true } } },
      });
      const moved = await tx.licenseGrant.updateMany({ where: { id: { in: grants.map((g) => g.id) }, autoRenew: true }, data: { autoRenew: false } });
      const latest = grants[0];
      if (moved.count === 0 || !latest) return;
      for (const grant of grants) {
        await writeAudit(tx, SYSTEM, { action: "license.auto_renew_off", entityType: "LicenseGrant", entityId: grant.id, organizationId: grant.organizationId, before: { autoRenew: true }, after: { autoRenew: false, subscriptionId: subscription.id, by: "stripe" } });
      }
      if (!latest.endsOn || latest.status !== "ACTIVE") return;
      const endsOn = dayOf(latest.endsOn);
      await notifyLicensee(tx, latest.organizationId, {
        title: `License ${latest.licenseNumber} will not renew automatically`,
        body: "The yearly subscription has ended and nothing more will be charged. Renew by hand before the license ends to keep the repertoire covered.",
        mail: (to) => autoRenewEndedMail(to, { licenseNumber: latest.licenseNumber, organizationName: latest.organization.name, endsOn }),
      });
    },
  };
}
