// Hardening plumbing: the Origin check on cookie-authenticated route handlers and the staff session
// lifetime. None takes a decision about what an actor may do; they run before the actor exists.
import type { MatrixEntry } from "./types";

export const SECURITY_MATRIX: Record<string, MatrixEntry> = {};

export const SECURITY_PUBLIC: Record<string, string> = {};

export const SECURITY_INTERNAL = [
  // request plumbing of mutating route handlers (src/server/http/origin-check.ts)
  "portalOrigin",
  "checkRequestOrigin",
  "crossOriginResponse",
  "withSameOrigin",
  // session loading: the actor behind a token, and the staff limits it applies (auth/)
  "loadSessionActor",
  "staffSessionEnd",
  "checkStaffSession",
];
