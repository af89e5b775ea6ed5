import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isAppError } from "../errors";
import { clientIpFromHeaderRecord } from "./client-ip";
import { signInWithPassword } from "./sign-in-with-password";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

declare module "next-auth" {
  interface Session {
    uid?: string;
    sv?: number;
  }
  interface User {
    sv?: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}

// The JWT carries only the user id and the session version. Role, organisation and active state
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
      }
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, uid: token.uid, sv: token.sv };
    },
  },
};
