import type { Metadata } from "next";
import "./globals.css";
import { Providers } from "@/components/providers";

// Every page depends on the session and the database: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Outbound Console", template: "%s · Outbound Console" },
  description: "Outbound SMS and WhatsApp chat campaigns on Amazon Connect",
  manifest: "/manifest.webmanifest",
  // An admin console behind a sign-in: nothing in it is for search engines (public/robots.txt says the same).
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
