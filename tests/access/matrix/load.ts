// Issue 9 (load): reading the session cookie's claims without next-auth's session endpoint
// (src/server/auth/session-token.ts). Plumbing that runs before any actor exists; it decides nothing.
import type { MatrixEntry } from "./types";

export const LOAD_MATRIX: Record<string, MatrixEntry> = {};

export const LOAD_PUBLIC: Record<string, string> = {};

export const LOAD_INTERNAL = ["sessionCookieName", "sessionTokenFrom", "sessionClaimsFrom"];
