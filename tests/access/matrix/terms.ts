// License terms: public by nature (what the license offers anyone), read from staff's prices and settings.
import type { MatrixEntry } from "./types";

export const TERMS_MATRIX: Record<string, MatrixEntry> = {};

export const TERMS_PUBLIC: Record<string, string> = {
  loadLicenseTerms: "the license's public terms (plan, prices in force, permitted purposes, where to buy): what the pricing page already shows anyone",
};

export const TERMS_INTERNAL = [
  // the operator's settings in force, read inside use cases
  "settingInForce",
];
