import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// Signing secrets. Unlike an API key (kept as a hash), a signing secret must be readable to sign
// with, so it is stored encrypted: AES-256-GCM under a key derived from NEXTAUTH_SECRET with
// HKDF, so a copy of the database alone cannot forge deliveries. Rotating NEXTAUTH_SECRET makes
// stored secrets unreadable: deliveries then fail with a message asking owners to roll the secret.

export const SIGNING_SECRET_PREFIX = "whsec_";
const FORMAT = "v1";
/** Outside production only, when NEXTAUTH_SECRET is not set (unit and integration tests). */
const DEVELOPMENT_KEY_MATERIAL = "clearway-development-webhook-secrets";

export class UnreadableSecretError extends Error {
  constructor() {
    super("The endpoint's signing secret can't be read (the server's key changed). Roll the secret to sign again.");
    this.name = "UnreadableSecretError";
  }
}

/** `whsec_` + 32 random bytes in base64url: shown once to the owner, who signs checks with it. */
export function newSigningSecret(): string {
  return SIGNING_SECRET_PREFIX + randomBytes(32).toString("base64url");
}

function encryptionKey(): Buffer {
  const material = process.env.NEXTAUTH_SECRET;
  if (!material && process.env.NODE_ENV === "production") throw new Error("NEXTAUTH_SECRET is required to keep webhook signing secrets.");
  return Buffer.from(hkdfSync("sha256", material ?? DEVELOPMENT_KEY_MATERIAL, "clearway-webhooks", "signing-secret-encryption-v1", 32));
}

/** `v1.<iv>.<ciphertext>.<tag>`, each part base64url. */
export function encryptSigningSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [FORMAT, iv.toString("base64url"), ciphertext.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

export function decryptSigningSecret(stored: string): string {
  const [format, iv, ciphertext, tag] = stored.split(".");
  if (format !== FORMAT || !iv || !ciphertext || !tag) throw new UnreadableSecretError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new UnreadableSecretError();
  }
}
