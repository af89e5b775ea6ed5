// Small helpers every part of the Stripe test double uses: Stripe-looking ids, Unix times, and
// reading the form-encoded body's values.
import { randomBytes } from "node:crypto";
import type { FormValue } from "./form-body";

export const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`;
export const now = () => Math.floor(Date.now() / 1000);
export const text = (v: FormValue | undefined) => (typeof v === "string" ? v : undefined);
export const record = (v: FormValue | undefined): Record<string, FormValue> => (v && typeof v === "object" && !Array.isArray(v) ? v : {});
