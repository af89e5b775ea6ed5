import "server-only";
import { randomBytes, randomInt } from "node:crypto";

// The numbers a grant is known by: the license number printed on the certificate (short, read
// aloud on the phone: no 0/O or 1/I) and the random code in its public verification URL.
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

export function newLicenseNumber(year: number): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `AITL-${year}-${code}`;
}

export function newVerificationCode(): string {
  return randomBytes(15).toString("base64url");
}
