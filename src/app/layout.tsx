import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import "./globals.css";

// Served from the npm package: no font download at build time (the build runs offline).
const inter = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "Clearway — the collective AI training license", template: "%s · Clearway" },
  description:
    "A voluntary, non-exclusive collective license for training AI systems, with royalties paid to rightsholders every quarter.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page is rendered per request: Next puts the request's CSP nonce (src/proxy.ts) on its
// scripts only while rendering, so a page prerendered at build time would have scripts the
// browser refuses.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
