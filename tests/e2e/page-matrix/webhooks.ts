// Customer webhooks: each organisation's members open its endpoints and deliveries (owners also
// manage them); staff have no page here. Unknown endpoint and delivery ids answer 404.
import type { PageExpectations, PageTable } from "./types";

const UNKNOWN = "00000000-0000-7000-8000-000000000000";

export const WEBHOOKS_PAGES: PageTable = {
  "/licensee/webhooks": ["/licensee/webhooks", ["Licensee owner"]],
  "/licensee/webhooks/[id]": [`/licensee/webhooks/${UNKNOWN}`, ["Licensee owner"]],
  "/licensee/webhooks/[id]/deliveries/[deliveryId]": [`/licensee/webhooks/${UNKNOWN}/deliveries/1`, ["Licensee owner"]],
  "/rightsholder/webhooks": ["/rightsholder/webhooks", ["Rightsholder owner"]],
  "/rightsholder/webhooks/[id]": [`/rightsholder/webhooks/${UNKNOWN}`, ["Rightsholder owner"]],
  "/rightsholder/webhooks/[id]/deliveries/[deliveryId]": [`/rightsholder/webhooks/${UNKNOWN}/deliveries/1`, ["Rightsholder owner"]],
};

export const WEBHOOKS_EXPECTATIONS: PageExpectations = {
  notFoundWhenAllowed: ["/licensee/webhooks/[id]", "/licensee/webhooks/[id]/deliveries/[deliveryId]", "/rightsholder/webhooks/[id]", "/rightsholder/webhooks/[id]/deliveries/[deliveryId]"],
};
