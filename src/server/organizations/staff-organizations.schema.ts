import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/storable-text";
import { ZMembershipRole } from "./members.schema";

// The staff organisations area: the list's filters, the tabs of one organisation, and the inputs
// of the ADMIN actions. Every action carries a reason, which goes into its audit row.

export const ORGANIZATION_KIND_FILTERS = ["ALL", "LICENSEE", "RIGHTSHOLDER"] as const;
export const ORGANIZATION_STATE_FILTERS = ["ALL", "ACTIVE", "SUSPENDED"] as const;
export type OrganizationStateFilter = (typeof ORGANIZATION_STATE_FILTERS)[number];

/** Offset pages with a cap: 400 pages of the lists' sizes is far past any organisation's rows. */
export const ZStaffPage = z.coerce.number().int().min(1).max(400).catch(1);

export const ZStaffOrganizationsQuery = z.object({
  q: z.string().trim().max(100).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE).optional().catch(undefined).transform((value) => value || undefined),
  kind: z.enum(ORGANIZATION_KIND_FILTERS).catch("ALL"),
  state: z.enum(ORGANIZATION_STATE_FILTERS).catch("ALL"),
  page: ZStaffPage,
});
/** As a page's search params arrive: anything unknown falls back to the default. */
export type TStaffOrganizationsQuery = { q?: string; kind?: string; state?: string; page?: string | number };

export const ZStaffReason = z
  .string({ error: "Say why, in a few words." })
  .trim()
  .min(5, "Say why, in a few words (at least 5 characters).")
  .max(500, "At most 500 characters.")
  .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

const ZId = z.uuid("Unknown item.");

export const ZStaffChangeMemberRoleInput = z.object({
  organizationId: ZId,
  membershipId: ZId,
  role: ZMembershipRole,
  reason: ZStaffReason,
});
export type TStaffChangeMemberRoleInput = z.input<typeof ZStaffChangeMemberRoleInput>;

/** A person is acted on through the organisation whose page staff are on: it must be a member there. */
export const ZStaffUserInput = z.object({ organizationId: ZId, userId: ZId, reason: ZStaffReason });
export type TStaffUserInput = z.input<typeof ZStaffUserInput>;

export const ZStaffDeactivateUserInput = ZStaffUserInput.extend({
  /** Ticked when staff have read that an organisation would be left without an active owner. */
  leaveWithoutActiveOwner: z.union([z.boolean(), z.stringbool()]).optional().default(false),
});
export type TStaffDeactivateUserInput = z.input<typeof ZStaffDeactivateUserInput>;
