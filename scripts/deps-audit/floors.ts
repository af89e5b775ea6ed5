// High and critical advisories this project knows of, for the offline check that runs when npm's
// audit service cannot be asked (scripts/deps-audit.ts). A net under the real audit, not a
// replacement: it only knows what was added here. Add an entry whenever an advisory is read
// about (release notes, a security post); each range is [introduced, fixed).
import type { AffectedRange } from "./versions";

export type KnownAdvisory = { name: string; id: string; severity: "high" | "critical"; title: string; affected: AffectedRange[] };

const from = (introduced: string, fixed: string): AffectedRange => ({ introduced, fixed });

export const KNOWN_ADVISORIES: KnownAdvisory[] = [
  { name: "next", id: "GHSA-26hh-7cqf-hhc6", severity: "high", title: "Middleware/proxy bypass via segment-prefetch routes (May 2026 release)", affected: [from("16.0.0", "16.2.6")] },
  { name: "next", id: "GHSA-p9j2-gv94-2wf4", severity: "high", title: "SSRF through rewrites (July 2026 release)", affected: [from("16.0.0", "16.2.11")] },
  { name: "next", id: "GHSA-2xp9-vwfh-vxw4", severity: "critical", title: "Remote code execution in the Image Optimization API with AVIF (August 2026 release)", affected: [from("16.0.0", "16.3.3")] },
  { name: "next-auth", id: "Auth.js security update July 2026", severity: "critical", title: "Email normalised after validation: an address can land on an existing account", affected: [from("4.0.0", "4.24.15")] },
  { name: "nodemailer", id: "GHSA-p6gq-j5cr-w38f", severity: "high", title: "Message-level raw option bypasses disableFileAccess/disableUrlAccess (file read, SSRF)", affected: [from("0.0.0", "9.0.1")] },
  { name: "nodemailer", id: "GHSA-2x7j-588g-ccc2", severity: "high", title: "Quadratic time in addressparser (denial of service)", affected: [from("0.0.0", "9.1.0")] },
  { name: "react-server-dom-webpack", id: "CVE-2025-55182", severity: "critical", title: "Remote code execution through React Server Components payloads", affected: [from("19.0.0", "19.0.1"), from("19.1.0", "19.1.2"), from("19.2.0", "19.2.1")] },
  { name: "react-server-dom-turbopack", id: "CVE-2025-55182", severity: "critical", title: "Remote code execution through React Server Components payloads", affected: [from("19.0.0", "19.0.1"), from("19.1.0", "19.1.2"), from("19.2.0", "19.2.1")] },
  { name: "glob", id: "GHSA-5j98-mcp5-4vw2", severity: "high", title: "CLI command injection via -c/--cmd", affected: [from("10.2.0", "10.5.0"), from("11.0.0", "11.1.0")] },
  { name: "vite", id: "GHSA-fx2h-pf6j-xcff", severity: "high", title: "server.fs.deny bypass on Windows alternate paths", affected: [from("8.0.0", "8.0.16")] },
  { name: "tar", id: "CVE-2026-23745", severity: "high", title: "Hardlink and symlink linkpath not sanitised (file overwrite)", affected: [from("0.0.0", "7.5.3")] },
  { name: "tar-fs", id: "CVE-2025-48387", severity: "high", title: "Extraction outside the target directory", affected: [from("0.0.0", "1.16.5"), from("2.0.0", "2.1.3"), from("3.0.0", "3.0.9")] },
  { name: "form-data", id: "CVE-2025-7783", severity: "critical", title: "Predictable multipart boundary (Math.random)", affected: [from("0.0.0", "2.5.4"), from("3.0.0", "3.0.4"), from("4.0.0", "4.0.4")] },
  { name: "cross-spawn", id: "CVE-2024-21538", severity: "high", title: "Regular expression denial of service", affected: [from("0.0.0", "6.0.6"), from("7.0.0", "7.0.5")] },
  { name: "braces", id: "CVE-2024-4068", severity: "high", title: "Unbounded memory on imbalanced braces", affected: [from("0.0.0", "3.0.3")] },
  { name: "ws", id: "CVE-2024-37890", severity: "high", title: "Denial of service with many HTTP headers", affected: [from("2.1.0", "5.2.4"), from("6.0.0", "6.2.3"), from("7.0.0", "7.5.10"), from("8.0.0", "8.17.1")] },
  { name: "path-to-regexp", id: "CVE-2024-45296", severity: "high", title: "Backtracking regular expressions", affected: [from("0.0.0", "0.1.10"), from("0.2.0", "1.9.0"), from("2.0.0", "3.3.0"), from("4.0.0", "6.3.0"), from("7.0.0", "8.0.0")] },
  { name: "playwright", id: "CVE-2025-59288", severity: "high", title: "Browser downloads without certificate checks", affected: [from("0.0.0", "1.55.1")] },
];
