import type { Metadata } from "next";
import "./globals.css";
import { Providers } from "@/components/providers";
import { pageNonce } from "@/lib/server/page-nonce";

// Every page depends on the session and the database: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Outbound Console", template: "%s · Outbound Console" },
  description: "Outbound SMS and WhatsApp chat campaigns on Amazon Connect",
  manifest: "/manifest.webmanifest",
  // An admin console behind a sign-in: nothing in it is for search engines (public/robots.txt says the same).
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const nonce = await pageNonce();
  return (
    // next-themes puts the theme's class on <html> before React hydrates: the server cannot know it.
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen antialiased">
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
