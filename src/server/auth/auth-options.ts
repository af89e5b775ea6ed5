import "server-only";
import { randomUUID } from "node:crypto";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isAppError } from "../errors";
import { clientIpFromHeaderRecord } from "./client-ip";
import { signInWithPassword } from "./sign-in-with-password";

/**
 * Every session's cookie lifetime: 12 hours from when next-auth last issued the JWT (at sign-in,
 * and again whenever the browser calls its session endpoint). Staff sessions also end 12 hours
 * after sign-in and after 30 minutes idle, whatever the cookie says (staff-session-lifetime.ts).
 */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

declare module "next-auth" {
  interface Session {
    uid?: string;
    sv?: number;
    sid?: string;
    sat?: number;
  }
  interface User {
    sv?: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    /** The session's id (session_activity) and its sign-in time in epoch seconds, set once at sign-in. */
    sid?: string;
    sat?: number;
  }
}

// The JWT carries only the user id, the session version, and the session's id and sign-in time
// (kept as they are when next-auth re-issues the token). Role, organisation and active state
// are re-read from the database on every request (loadUserActor), so a change applies at once.
export const authOptions: AuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const ip = clientIpFromHeaderRecord(req?.headers);
        try {
          const { userId, sessionVersion } = await signInWithPassword(credentials?.email ?? "", credentials?.password ?? "", ip);
          return { id: userId, sv: sessionVersion };
        } catch (error) {
          // next-auth hands this message to the sign-in form, which shows it as is.
          if (isAppError(error)) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sv;
        token.sid = randomUUID();
        token.sat = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, uid: token.uid, sv: token.sv, sid: token.sid, sat: token.sat };
    },
  },
};
