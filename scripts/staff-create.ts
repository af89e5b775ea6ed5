// `npm run staff:create -- --email a@b.c --role ADMIN|ANALYST [--name "A B"] [--password …]`
// Creates a staff account (or grants the role to an existing account) as the system actor.
// Without --password, a link to choose one is mailed (or captured in the outbox without SMTP).
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
});

if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set: point it at the portal's database.");
  process.exit(1);
}
if (!values.email || !values.role) {
  console.error('Usage: npm run staff:create -- --email person@example.com --role ADMIN|ANALYST [--name "Full Name"] [--password …]');
  process.exit(2);
}

const { SYSTEM } = await import("../src/server/auth/actor");
const { createStaffUser } = await import("../src/server/staff/create-staff-user");
const { ZodError } = await import("zod");
try {
  const { user, isNew } = await createStaffUser(SYSTEM, {
    email: values.email,
    role: values.role as "ADMIN" | "ANALYST",
    name: values.name ?? values.email.split("@")[0] ?? values.email,
    password: values.password,
  });
  console.log(`${isNew ? "Created" : "Updated"} ${user.email} as ${user.staffRole}.`);
  if (!values.password) console.log("A link to choose a password was mailed (see the staff outbox when SMTP is not configured).");
  process.exit(0);
} catch (error) {
  if (error instanceof ZodError) {
    for (const issue of error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
    process.exit(2);
  }
  throw error;
}
