import "server-only";
import { ZEmail } from "../accounts/accounts.schema";
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import { AppError } from "../errors";
import { blockedUntil, clearFailures, recordFailure } from "./login-throttle";
import { dummyPasswordHash, verifyPassword } from "./password";

export const WRONG_CREDENTIALS = "The email or password is not right.";

/**
 * Checks an email and password for next-auth's credentials provider. Failures count toward the
 * email+IP throttle; a deactivated account is refused like a wrong password (no account probing).
 */
export async function signInWithPassword(rawEmail: string, password: string, ip: string) {
  const parsedEmail = ZEmail.safeParse(rawEmail);
  if (!parsedEmail.success || !password) throw new AppError("VALIDATION", WRONG_CREDENTIALS);
  const email = parsedEmail.data;

  const until = await blockedUntil(db, email, ip);
  if (until) {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
    throw new AppError("RATE_LIMITED", `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or reset your password.`);
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, isActive: true, sessionVersion: true },
  });
  const isValid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !isValid || !user.isActive) {
    await recordFailure(db, email, ip);
    throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  }

  await db.$transaction(async (tx) => {
    await clearFailures(tx, email, ip);
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await writeAudit(tx, null, { action: "account.sign_in", entityType: "User", entityId: user.id, ip });
  });
  return { userId: user.id, sessionVersion: user.sessionVersion };
}
