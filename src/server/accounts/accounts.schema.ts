import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/storable-text";

// Shared by forms (client-side hints) and use cases (the check that counts).
export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long.")
  .pipe(z.email("Enter a valid email address."));

export const ZPassword = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");

export const ZPersonName = z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters.").refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

export const ZOrganizationKind = z.enum(["LICENSEE", "RIGHTSHOLDER"], {
  error: "Choose whether you license content or hold rights.",
});

export const ZSignUpInput = z.object({
  name: ZPersonName,
  email: ZEmail,
  password: ZPassword,
  organizationName: z
    .string()
    .trim()
    .min(2, "Enter your organisation's full name (at least 2 characters).")
    .max(120, "Use at most 120 characters.")
    .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
  organizationKind: ZOrganizationKind,
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZRequestPasswordResetInput = z.object({ email: ZEmail });
export type TRequestPasswordResetInput = z.infer<typeof ZRequestPasswordResetInput>;

export const ZResetPasswordInput = z
  .object({ token: z.string().min(1).max(200), password: ZPassword, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords differ.",
  });
export type TResetPasswordInput = z.infer<typeof ZResetPasswordInput>;

export const ZChangePasswordInput = z
  .object({ currentPassword: z.string().min(1, "Enter your current password."), newPassword: ZPassword, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords differ.",
  });
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

export const ZUpdateProfileInput = z.object({ name: ZPersonName });
export type TUpdateProfileInput = z.infer<typeof ZUpdateProfileInput>;
