import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/auth-options";

// next-auth's own endpoints (sign-in callback, CSRF token, sign-out, session). Who may do what is
// decided elsewhere: in the use cases, with the actor re-loaded from the database.
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
