import { ZodError } from "zod";
import { describe, expect, it } from "vitest";
import { signUp } from "@/server/accounts/sign-up";
import { verifyPassword } from "@/server/auth/password";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { createUser, mailsTo, uniqueEmail } from "../factories";

const context = { ip: "203.0.113.9" };

describe("signUp", () => {
  it("creates the user, organisation, owner membership, profile, audit row and welcome mail together", async () => {
    const email = uniqueEmail("signup");
    const { user, organization } = await signUp(
      { email: `  ${email.toUpperCase()} `, password: "long enough pw", name: "Nia Reed", organizationName: "Reed Books", organizationKind: "RIGHTSHOLDER" },
      context,
    );
    expect(user.email).toBe(email);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("long enough pw", stored.passwordHash)).toBe(true);
    expect(stored.passwordHash).not.toContain("long enough pw");
    const membership = await db.membership.findFirstOrThrow({ where: { userId: user.id } });
    expect(membership).toMatchObject({ organizationId: organization.id, role: "OWNER" });
    expect(await db.rightsholderProfile.findUnique({ where: { organizationId: organization.id } })).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: organization.id, action: "account.sign_up" } });
    expect(audit).toMatchObject({ actorKind: "anonymous", ip: "203.0.113.9", organizationId: organization.id });
    expect(JSON.stringify(audit.after)).not.toContain("passwordHash");
    expect((await mailsTo(email)).map((m) => m.template)).toEqual(["welcome"]);
  });

  it("gives a licensee organisation a licensee profile", async () => {
    const { organization } = await signUp(
      { email: uniqueEmail(), password: "long enough pw", name: "Lu", organizationName: "Lu Labs", organizationKind: "LICENSEE" },
      context,
    );
    expect(await db.licenseeProfile.findUnique({ where: { organizationId: organization.id } })).not.toBeNull();
  });

  it("refuses a taken email with a field message and writes nothing", async () => {
    const existing = await createUser();
    const before = await db.organization.count();
    const error = await signUp(
      { email: existing.email, password: "long enough pw", name: "X", organizationName: "Dup Org", organizationKind: "LICENSEE" },
      context,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors?.email?.[0]).toMatch(/already exists/);
    expect(await db.organization.count()).toBe(before);
  });

  it("reports every bad field and writes nothing", async () => {
    const email = "not-an-email";
    const error = await signUp(
      { email, password: "short", name: "", organizationName: "x", organizationKind: "PUBLISHER" as never },
      context,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    const fields = (error as ZodError).issues.map((i) => i.path.join("."));
    expect(fields.sort()).toEqual(["email", "name", "organizationKind", "organizationName", "password"]);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("lets only one of two simultaneous sign-ups with the same email succeed", async () => {
    const email = uniqueEmail("race");
    const attempt = () =>
      signUp({ email, password: "long enough pw", name: "R", organizationName: "Race Org", organizationKind: "LICENSEE" }, context);
    const results = await Promise.allSettled([attempt(), attempt()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await db.membership.count({ where: { user: { email } } })).toBe(1);
  });
});
