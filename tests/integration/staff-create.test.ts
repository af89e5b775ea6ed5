import { describe, expect, it } from "vitest";
import { SYSTEM } from "@/server/auth/actor";
import { loadUserActor } from "@/server/auth/load-actor";
import { db } from "@/server/db";
import { createStaffUser } from "@/server/staff/create-staff-user";
import { createUser, mailsTo, uniqueEmail } from "../factories";

describe("createStaffUser (npm run staff:create)", () => {
  it("creates a staff account and mails a link to choose a password when none is given", async () => {
    const email = uniqueEmail("staff");
    const { user, isNew } = await createStaffUser(SYSTEM, { email, name: "Sam Staff", role: "ANALYST" });
    expect(isNew).toBe(true);
    expect(user.staffRole).toBe("ANALYST");
    const [mail] = await mailsTo(email);
    expect(mail).toMatchObject({ template: "staff-account", status: "CAPTURED" });
    expect(mail?.text).toMatch(/\/reset-password\/[A-Za-z0-9_-]+/);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "staff.created" } });
    expect(audit.actorKind).toBe("system");
  });

  it("grants the role to an existing account and ends its sessions", async () => {
    const existing = await createUser();
    await createStaffUser(SYSTEM, { email: existing.email, name: "ignored", role: "ADMIN", password: "a strong password" });
    expect(await loadUserActor(existing.id, 1, null)).toBeNull();
    expect((await loadUserActor(existing.id, 2, null))?.staffRole).toBe("ADMIN");
  });
});
