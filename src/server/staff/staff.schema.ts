import { z } from "zod";
import { ZEmail, ZPassword, ZPersonName } from "../accounts/accounts.schema";

export const ZStaffRole = z.enum(["ADMIN", "ANALYST"], { error: "Role must be ADMIN or ANALYST." });

export const ZCreateStaffUserInput = z.object({
  email: ZEmail,
  name: ZPersonName,
  role: ZStaffRole,
  /** Omitted: a password reset link is mailed instead. */
  password: ZPassword.optional(),
});
export type TCreateStaffUserInput = z.infer<typeof ZCreateStaffUserInput>;
